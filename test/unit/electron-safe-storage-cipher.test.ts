/** The safeStorage cipher (electron/main/safe-storage-cipher.ts) on a fake safeStorage, and through FileSecretStore. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileSecretStore, SECRETS_FILE } from '../../electron/core/secrets/secret-store';
import { createSafeStorageCipher, type SafeStorageLike } from '../../electron/main/safe-storage-cipher';

function fakeSafeStorage(opts: { available?: boolean | Error; backend?: string } = {}): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  // "encryption": a reversible byte transform tagged like Chromium's OSCrypt ("v11" prefix), never the clear text
  const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    calls,
    async isAsyncEncryptionAvailable() {
      calls.push('isAsyncEncryptionAvailable');
      if (opts.available instanceof Error) throw opts.available;
      return opts.available ?? true;
    },
    async encryptStringAsync(plain) {
      calls.push('encryptStringAsync');
      return Buffer.concat([Buffer.from('v11'), mask(Buffer.from(plain, 'utf8'))]);
    },
    async decryptStringAsync(encrypted) {
      calls.push('decryptStringAsync');
      if (encrypted.subarray(0, 3).toString() !== 'v11') throw new Error('bad tag');
      return { result: mask(encrypted.subarray(3)).toString('utf8'), shouldReEncrypt: false };
    },
    getSelectedStorageBackend() {
      calls.push('getSelectedStorageBackend');
      return opts.backend ?? 'gnome_libsecret';
    },
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pos-safestorage-'));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('createSafeStorageCipher', () => {
  it('uses the async API and names the Linux backend', async () => {
    const ss = fakeSafeStorage({ backend: 'kwallet6' });
    const cipher = await createSafeStorageCipher(ss, 'linux');
    expect(cipher?.name).toBe('safeStorage (kwallet6)');
    const stored = await cipher!.encrypt('비밀 cid-secret');
    expect(stored).not.toContain('cid-secret');
    expect(await cipher!.decrypt(stored)).toBe('비밀 cid-secret');
    expect(ss.calls).toEqual(['isAsyncEncryptionAvailable', 'getSelectedStorageBackend', 'encryptStringAsync', 'decryptStringAsync']);
  });
  it('names the Windows and macOS stores', async () => {
    expect((await createSafeStorageCipher(fakeSafeStorage(), 'win32'))?.name).toBe('safeStorage (DPAPI)');
    expect((await createSafeStorageCipher(fakeSafeStorage(), 'darwin'))?.name).toBe('safeStorage (Keychain)');
  });
  it('null when encryption is unavailable (or the check throws): the store falls back to file mode 0600', async () => {
    expect(await createSafeStorageCipher(fakeSafeStorage({ available: false }), 'linux')).toBeNull();
    expect(await createSafeStorageCipher(fakeSafeStorage({ available: new Error('no dbus') }), 'linux')).toBeNull();
    expect(new FileSecretStore(dir, await createSafeStorageCipher(fakeSafeStorage({ available: false }), 'linux')).protection).toBe('file mode 0600');
  });
  it('null on Linux with the basic_text backend (a hard-coded key is not encryption)', async () => {
    expect(await createSafeStorageCipher(fakeSafeStorage({ backend: 'basic_text' }), 'linux')).toBeNull();
    expect(await createSafeStorageCipher(fakeSafeStorage({ backend: 'unknown' }), 'linux')).toBeNull();
  });
  it('FileSecretStore on the safeStorage cipher keeps no clear text on disk', async () => {
    const store = new FileSecretStore(dir, await createSafeStorageCipher(fakeSafeStorage(), 'linux'));
    await store.set('merchant.cidSecret', 'cid-secret-123456');
    expect(readFileSync(join(dir, SECRETS_FILE), 'utf8')).not.toContain('cid-secret-123456');
    expect(await store.get('merchant.cidSecret')).toBe('cid-secret-123456');
    expect(store.protection).toBe('safeStorage (gnome_libsecret)');
  });
});
