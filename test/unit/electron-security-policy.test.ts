/** The Electron shell's security decisions (electron/main/security-policy.ts), in plain Node. */
import { describe, expect, it } from 'vitest';
import {
  allowedExternalUrl,
  allowNavigation,
  allowPermissionCheck,
  allowPermissionRequest,
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  appOriginFor,
  decideWindowOpen,
  EXTERNAL_URL_ALLOW_LIST,
  isAppUrl,
  isTrustedIpcSender,
  originOf,
} from '../../electron/main/security-policy';

const DEV = 'http://localhost:5173';

describe('app origin', () => {
  it('is app://pos, not file://', () => {
    expect(APP_ORIGIN).toBe('app://pos');
    expect(APP_ENTRY_URL).toBe('app://pos/index.html');
    expect(originOf('app://pos/assets/index.js')).toBe('app://pos');
    expect(originOf('file:///opt/qrpos/resources/app.asar/out/renderer/index.html')).toBeNull();
  });
  it('isAppUrl accepts the app origin only', () => {
    expect(isAppUrl('app://pos/index.html', APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://POS/index.html', APP_ORIGIN)).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'app://pos.evil.com/index.html',
      'app://evil/index.html',
      'app://user@pos/index.html',
      'app://pos:81/index.html',
      'https://pos/index.html',
      'http://localhost:5173/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
      '',
    ]) expect(isAppUrl(url, APP_ORIGIN), url).toBe(false);
  });
  it('the dev server counts only in development, on loopback', () => {
    expect(appOriginFor(DEV, false)).toBe(DEV);
    expect(appOriginFor('http://127.0.0.1:5173/index.html', false)).toBe('http://127.0.0.1:5173');
    expect(appOriginFor(DEV, true)).toBe(APP_ORIGIN);
    expect(appOriginFor('http://evil.example:5173', false)).toBe(APP_ORIGIN);
    expect(appOriginFor('file:///tmp/index.html', false)).toBe(APP_ORIGIN);
    expect(appOriginFor(undefined, false)).toBe(APP_ORIGIN);
    expect(isAppUrl('http://localhost:5173/x', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5174/x', DEV)).toBe(false);
    expect(isAppUrl('http://localhost.evil.com:5173/', DEV)).toBe(false);
  });
  it('app:// is standard and secure, but never bypasses CSP, never serves workers or CORS', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('allowServiceWorkers');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled');
  });
});

describe('permissions', () => {
  const req = (permission: string, mediaTypes: string[] | undefined, requestingUrl = 'app://pos/index.html', isMainFrame = true) => allowPermissionRequest({ permission, mediaTypes, requestingUrl, isMainFrame }, APP_ORIGIN);
  it('grants the camera (media, video only) to the app origin', () => {
    expect(req('media', ['video'])).toBe(true);
  });
  it('denies the microphone, audio+video, and media without types', () => {
    expect(req('media', ['audio'])).toBe(false);
    expect(req('media', ['video', 'audio'])).toBe(false);
    expect(req('media', [])).toBe(false);
    expect(req('media', undefined)).toBe(false);
  });
  it('denies the camera to any other origin or to a sub-frame', () => {
    expect(req('media', ['video'], 'https://evil.example/')).toBe(false);
    expect(req('media', ['video'], 'file:///tmp/x.html')).toBe(false);
    expect(allowPermissionRequest({ permission: 'media', mediaTypes: ['video'], requestingUrl: undefined }, APP_ORIGIN)).toBe(false);
    expect(req('media', ['video'], 'app://pos/index.html', false)).toBe(false);
  });
  it('denies everything else, even to the app', () => {
    for (const p of ['notifications', 'geolocation', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'midi', 'midiSysex', 'pointerLock', 'fileSystem', 'unknown'])
      expect(req(p, ['video']), p).toBe(false);
  });
  it('permission checks: media for the app origin, never the microphone', () => {
    expect(allowPermissionCheck('media', 'app://pos', 'video', APP_ORIGIN)).toBe(true);
    expect(allowPermissionCheck('media', 'app://pos', 'unknown', APP_ORIGIN)).toBe(true);
    expect(allowPermissionCheck('media', 'app://pos', 'audio', APP_ORIGIN)).toBe(false);
    expect(allowPermissionCheck('media', 'https://evil.example', 'video', APP_ORIGIN)).toBe(false);
    expect(allowPermissionCheck('notifications', 'app://pos', undefined, APP_ORIGIN)).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('navigation stays on the app origin', () => {
    expect(allowNavigation('app://pos/index.html', APP_ORIGIN)).toBe(true);
    expect(allowNavigation('https://evil.example/', APP_ORIGIN)).toBe(false);
    expect(allowNavigation('file:///etc/passwd', APP_ORIGIN)).toBe(false);
    expect(allowNavigation('http://127.0.0.1:8080/wallet/demo', APP_ORIGIN)).toBe(false);
  });
  it('window.open is always denied; only allow-listed https goes to the OS browser', () => {
    const list = ['https://help.qrpos.example/manual'];
    expect(decideWindowOpen('https://evil.example/', list)).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen('app://pos/index.html', list)).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen('https://help.qrpos.example/manual', list)).toEqual({ action: 'deny', openExternally: 'https://help.qrpos.example/manual' });
    expect(decideWindowOpen('https://help.qrpos.example/manual')).toEqual({ action: 'deny', openExternally: null }); // the shipped list is empty
  });
});

describe('shell.openExternal allow-list', () => {
  const list = ['https://help.qrpos.example/manual', 'http://insecure.example/'];
  it('passes exactly the listed https URLs', () => {
    expect(allowedExternalUrl('https://help.qrpos.example/manual', list)).toBe('https://help.qrpos.example/manual');
  });
  it('refuses near misses, other schemes and credentials', () => {
    for (const url of [
      'https://help.qrpos.example/manual?x=1',
      'https://help.qrpos.example/manual/../../x',
      'https://help.qrpos.example.evil.com/manual',
      'https://user:pw@help.qrpos.example/manual',
      'http://help.qrpos.example/manual',
      'http://insecure.example/', // listed, but not https
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker/share',
      'ms-msdt:/id PCWDiagnostic',
      'javascript:alert(1)',
    ]) expect(allowedExternalUrl(url, list), url).toBeNull();
  });
  it('QR payloads and backend data never reach openExternal', () => {
    for (const scanned of [
      'ONEQPAY:1:demo:9f3c2a:20260101T000000Z:abcd',
      'kakaopay://pay?token=abc',
      'https://qr.kakaopay.com/FZ12345',
      '{"tid":"T123","next_redirect_pc_url":"https://online-pay.kakao.com/pay/mockup/abc"}',
      '',
    ]) expect(allowedExternalUrl(scanned), scanned).toBeNull();
    expect(allowedExternalUrl(undefined)).toBeNull();
    expect(allowedExternalUrl({ toString: () => 'https://help.qrpos.example/manual' }, list)).toBeNull();
  });
  it('the shipped allow-list holds only https URLs', () => {
    for (const entry of EXTERNAL_URL_ALLOW_LIST) expect(new URL(entry).protocol).toBe('https:');
  });
});

describe('IPC sender validation', () => {
  it('trusts only the app window main frame on the app origin', () => {
    expect(isTrustedIpcSender({ frameUrl: 'app://pos/index.html', isAppMainFrame: true }, APP_ORIGIN)).toBe(true);
    expect(isTrustedIpcSender({ frameUrl: 'app://pos/index.html', isAppMainFrame: false }, APP_ORIGIN)).toBe(false);
    expect(isTrustedIpcSender({ frameUrl: 'https://evil.example/', isAppMainFrame: true }, APP_ORIGIN)).toBe(false);
    expect(isTrustedIpcSender({ frameUrl: 'file:///tmp/x.html', isAppMainFrame: true }, APP_ORIGIN)).toBe(false);
    expect(isTrustedIpcSender({ frameUrl: null, isAppMainFrame: true }, APP_ORIGIN)).toBe(false);
    expect(isTrustedIpcSender({ frameUrl: undefined, isAppMainFrame: true }, APP_ORIGIN)).toBe(false);
  });
});
