/**
 * Electron hardening, wired from the pure decisions of security-policy.ts: the app:// scheme, CSP on
 * every response, no navigation away from the app, no new windows, no webviews, permissions denied
 * except the camera (video only) for the app's own origin, shell.openExternal behind an allow-list.
 */
import { app, protocol, session, shell, type WebContents } from 'electron';
import { CSP } from '../core/csp';
import { createAppProtocolHandler } from './app-protocol';
import {
  allowDownload,
  allowedExternalUrl,
  allowNavigation,
  allowPermissionCheck,
  allowPermissionRequest,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  decideWindowOpen,
  EXTERNAL_URL_ALLOW_LIST,
} from './security-policy';

/** Before app 'ready': app:// becomes a standard, secure origin (see APP_SCHEME_PRIVILEGES). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** After 'ready': app://pos/… serves the built renderer folder, and nothing outside it. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}

export function hardenSession(appOrigin: string): void {
  const ses = session.defaultSession;
  // app:// responses carry the CSP from the protocol handler; this covers the dev server (http).
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(allowPermissionRequest({ permission, requestingUrl: details.requestingUrl || wc.getURL(), mediaTypes, isMainFrame: details.isMainFrame }, appOrigin));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) => allowPermissionCheck(permission, requestingOrigin, details.mediaType, appOrigin));
  // WebHID / WebUSB / Web Serial from the renderer: never (serial scanners are opened by the core).
  ses.setDevicePermissionHandler(() => false);
  // The CSV export (a blob: download of the app): a save dialog for CSV files; any other download is cancelled.
  ses.on('will-download', (event, item) => {
    if (!allowDownload(item.getURL(), appOrigin)) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({ title: 'CSV 저장 / Save CSV', defaultPath: item.getFilename(), filters: [{ name: 'CSV', extensions: ['csv'] }] });
  });
}

/** The only shell.openExternal of the app: allow-listed https URLs, anything else is dropped. */
export function openExternalSafely(url: string, allowList: readonly string[] = EXTERNAL_URL_ALLOW_LIST): boolean {
  const allowed = allowedExternalUrl(url, allowList);
  if (!allowed) return false;
  void shell.openExternal(allowed);
  return true;
}

export function guardContents(appOrigin: string): void {
  app.on('web-contents-created', (_e, contents: WebContents) => {
    const guard = (event: { preventDefault(): void }, url: string): void => {
      if (!allowNavigation(url, appOrigin)) event.preventDefault();
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-frame-navigate', (event) => guard(event, event.url));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      if (decision.openExternally) openExternalSafely(decision.openExternally);
      return { action: decision.action };
    });
  });
}
