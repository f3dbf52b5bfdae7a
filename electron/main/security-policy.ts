/**
 * The Electron shell's security decisions as pure functions. This module imports nothing from
 * 'electron' (Vitest tests it in plain Node); electron/main/security.ts and ipc.ts wire it to the
 * session, the web contents and ipcMain. See docs/electron-security.md for the checklist mapping.
 */

/** The renderer is served over a privileged custom scheme, never file:// (checklist point 18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pos';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges of app://: a standard, secure origin (relative URLs, storage, getUserMedia, module
 * workers, fetch of its own files). Deliberately NOT bypassCSP, allowServiceWorkers or corsEnabled.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/** https URLs the app may hand to the OS browser (shell.openExternal). Exact matches only; none today. */
export const EXTERNAL_URL_ALLOW_LIST: readonly string[] = [];

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The origin of a URL, also for app:// (where WHATWG URL.origin is "null"); null when it has none we trust. */
export function originOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.username || u.password) return null;
  if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin;
  if (u.protocol === `${APP_SCHEME}:` && u.host) return `${APP_SCHEME}://${u.host.toLowerCase()}`;
  return null;
}

/** Exactly the app's own origin: app://pos, or the electron-vite dev server's origin in development. */
export function isAppUrl(url: string, appOrigin: string): boolean {
  const o = originOf(url);
  return o !== null && o === appOrigin;
}

/**
 * The origin the renderer runs on. ELECTRON_RENDERER_URL (electron-vite dev server) is honoured only
 * when the app is not packaged and the URL is http(s) on loopback; otherwise app://pos.
 */
export function appOriginFor(devRendererUrl: string | undefined, isPackaged: boolean): string {
  if (!devRendererUrl || isPackaged) return APP_ORIGIN;
  try {
    const u = new URL(devRendererUrl);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK_HOSTS.has(u.hostname)) return u.origin;
  } catch {
    /* malformed: fall through to the packaged origin */
  }
  return APP_ORIGIN;
}

export interface PermissionRequestInfo {
  permission: string;
  requestingUrl: string | undefined;
  /** For 'media': 'video' (camera) and/or 'audio' (microphone). */
  mediaTypes?: readonly string[] | undefined;
  isMainFrame?: boolean | undefined;
}

/** setPermissionRequestHandler: only the camera (media, video only), only for the app's main frame. */
export function allowPermissionRequest(req: PermissionRequestInfo, appOrigin: string): boolean {
  if (req.permission !== 'media') return false;
  if (req.isMainFrame === false) return false;
  const types = req.mediaTypes ?? [];
  if (types.length === 0 || !types.every((t) => t === 'video')) return false;
  return req.requestingUrl !== undefined && isAppUrl(req.requestingUrl, appOrigin);
}

/**
 * setPermissionCheckHandler: 'media' for the app origin unless it is the microphone. A check grants
 * nothing by itself (device enumeration); getUserMedia still goes through allowPermissionRequest.
 */
export function allowPermissionCheck(permission: string, requestingOrigin: string, mediaType: string | undefined, appOrigin: string): boolean {
  return permission === 'media' && mediaType !== 'audio' && isAppUrl(requestingOrigin, appOrigin);
}

/** will-navigate / will-redirect / will-frame-navigate: stay on the app's own origin (reloads only). */
export function allowNavigation(url: string, appOrigin: string): boolean {
  return isAppUrl(url, appOrigin);
}

/**
 * Downloads: only what the app itself makes (the CSV export: a blob: URL of the app's own origin, which
 * Electron offers with a save dialog); anything else is cancelled.
 */
export function allowDownload(url: string, appOrigin: string): boolean {
  if (!url.startsWith('blob:')) return false;
  return isAppUrl(url.slice('blob:'.length), appOrigin);
}

/**
 * The URL to hand to shell.openExternal, or null: https only, no credentials, and exactly one of the
 * allow-listed URLs. Scanned QR text, backend data and anything else the renderer sends get null.
 */
export function allowedExternalUrl(url: unknown, allowList: readonly string[] = EXTERNAL_URL_ALLOW_LIST): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return null;
  for (const entry of allowList) {
    let allowed: URL;
    try {
      allowed = new URL(entry);
    } catch {
      continue;
    }
    if (allowed.protocol === 'https:' && allowed.href === u.href) return u.href;
  }
  return null;
}

export interface WindowOpenDecision {
  /** Electron never creates a window for the renderer. */
  action: 'deny';
  /** An allow-listed https URL to open in the OS browser instead, or null. */
  openExternally: string | null;
}

/** setWindowOpenHandler (window.open, target=_blank, middle-click): always deny; allow-listed links go to the OS browser. */
export function decideWindowOpen(url: string, allowList: readonly string[] = EXTERNAL_URL_ALLOW_LIST): WindowOpenDecision {
  return { action: 'deny', openExternally: allowedExternalUrl(url, allowList) };
}

export interface IpcSenderInfo {
  /** event.senderFrame?.url (the frame can be gone: null). */
  frameUrl: string | null | undefined;
  /** event.sender is the app window's webContents and event.senderFrame is its main frame. */
  isAppMainFrame: boolean;
}

/** Every ipcMain handler: the sender must be the app window's main frame, showing the app origin. */
export function isTrustedIpcSender(s: IpcSenderInfo, appOrigin: string): boolean {
  return s.isAppMainFrame && typeof s.frameUrl === 'string' && isAppUrl(s.frameUrl, appOrigin);
}
