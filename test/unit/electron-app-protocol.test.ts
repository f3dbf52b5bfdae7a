/** app:// serves the built renderer folder and nothing outside it (electron/main/app-protocol.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../electron/core/csp';
import { contentTypeFor, createAppProtocolHandler, resolveAppAsset } from '../../electron/main/app-protocol';

let root: string;
let rendererDir: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pos-app-protocol-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>pos</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'zxing_reader.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  writeFileSync(join(root, 'secrets.json'), '{"v":1}');
  mkdirSync(join(root, 'renderer-evil'));
  writeFileSync(join(root, 'renderer-evil', 'x.js'), 'evil');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveAppAsset', () => {
  it('maps app://pos/… into the renderer folder', () => {
    expect(resolveAppAsset(rendererDir, 'app://pos/')).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppAsset(rendererDir, 'app://pos/index.html')).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppAsset(rendererDir, 'app://pos/assets/index-abc.js?v=1#x')).toBe(join(rendererDir, 'assets', 'index-abc.js'));
  });
  it('refuses path traversal in every spelling', () => {
    for (const url of [
      'app://pos/../secrets.json',
      'app://pos/%2e%2e/secrets.json',
      'app://pos/assets/%2e%2e%2f%2e%2e%2fsecrets.json',
      'app://pos/..%2fsecrets.json',
      'app://pos/..%5csecrets.json',
      'app://pos/assets\\..\\..\\secrets.json',
      'app://pos/%2fetc%2fpasswd',
      'app://pos//etc/passwd',
      'app://pos/../renderer-evil/x.js',
      'app://pos/%00index.html',
      'app://pos/%E0%A4%A', // malformed escape
    ]) {
      const file = resolveAppAsset(rendererDir, url);
      if (file !== null) expect(file.startsWith(join(rendererDir) + '/') || file.startsWith(join(rendererDir) + '\\'), `${url} → ${file}`).toBe(true);
    }
    expect(resolveAppAsset(rendererDir, 'app://pos/..%2fsecrets.json')).toBeNull();
    expect(resolveAppAsset(rendererDir, 'app://pos/../renderer-evil/x.js')).not.toBe(join(root, 'renderer-evil', 'x.js'));
  });
  it('refuses other hosts and schemes', () => {
    expect(resolveAppAsset(rendererDir, 'app://evil/index.html')).toBeNull();
    expect(resolveAppAsset(rendererDir, 'app://pos.evil/index.html')).toBeNull();
    expect(resolveAppAsset(rendererDir, 'app://u@pos/index.html')).toBeNull();
    expect(resolveAppAsset(rendererDir, 'file:///index.html')).toBeNull();
    expect(resolveAppAsset(rendererDir, 'https://pos/index.html')).toBeNull();
  });
  it('content types', () => {
    expect(contentTypeFor('a/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('a/x.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('a/z.wasm')).toBe('application/wasm');
    expect(contentTypeFor('a/secret.sqlite')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  const handler = () => createAppProtocolHandler(rendererDir);
  it('serves index.html with the CSP and nosniff', async () => {
    const res = await handler()(new Request('app://pos/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>pos</title>');
  });
  it('serves the wasm with its MIME type (WebAssembly.instantiateStreaming needs it)', async () => {
    const res = await handler()(new Request('app://pos/assets/zxing_reader.wasm'));
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]));
  });
  it('404 for traversal, missing files and folders; nothing outside is read', async () => {
    const reads: string[] = [];
    const h = createAppProtocolHandler(rendererDir, async (f) => {
      reads.push(f);
      const { readFile } = await import('node:fs/promises');
      return readFile(f);
    });
    for (const url of ['app://pos/..%2fsecrets.json', 'app://pos/missing.js', 'app://pos/assets', 'app://evil/index.html']) expect((await h(new Request(url))).status, url).toBe(404);
    expect(reads.every((f) => f.startsWith(rendererDir))).toBe(true);
  });
  it('only GET and HEAD', async () => {
    expect((await handler()(new Request('app://pos/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handler()(new Request('app://pos/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
