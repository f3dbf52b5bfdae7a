/**
 * Electron hardening (Electron security checklist): CSP on every response, no navigation, no new
 * windows, permissions denied except the camera (video only) for the app's own origin.
 */
import { app, session, type WebContents } from 'electron';
import { CSP } from '../core/csp';

export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    const u = new URL(url);
    if (appOrigin === 'file://') return u.protocol === 'file:';
    return u.origin === appOrigin;
  } catch {
    return false;
  }
}

export function hardenSession(appOrigin: string): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const videoOnly = permission === 'media' && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video');
    callback(videoOnly && isAppUrl(details.requestingUrl ?? wc.getURL(), appOrigin));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permission === 'media' && isAppUrl(requestingOrigin, appOrigin));
}

export function guardContents(appOrigin: string): void {
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, appOrigin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
