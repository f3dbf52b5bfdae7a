/** FileSecretStore (electron/core/secrets/secret-store.ts): mode 0600, encrypted at rest with the shell's cipher. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileSecretStore, SECRETS_FILE, type SecretCipher } from '../../electron/core/secrets/secret-store';

/** A real cipher for tests: AES-256-GCM under a per-test key (what safeStorage does with an OS-held key). */
function testCipher(name = 'test-aes', key = randomBytes(32)): SecretCipher {
  return {
    name,
    async encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    async decrypt(stored) {
      const b = Buffer.from(stored, 'base64');
      const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(12, 28));
      return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const SECRET = 'cid-secret-7f3a9c1e5b';
const ADMIN = 'admin-key-0d4e8b2a6c';
let dir: string;
const file = () => join(dir, SECRETS_FILE);
const onDisk = () => readFileSync(file(), 'utf8');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pos-secrets-'));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('FileSecretStore', () => {
  it.skipIf(process.platform === 'win32')('writes secrets.json with mode 0600, also over a file that had looser permissions', async () => {
    const s = new FileSecretStore(dir);
    await s.set('merchant.cidSecret', SECRET);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    chmodSync(file(), 0o644);
    writeFileSync(`${file()}.tmp`, 'stale', { mode: 0o644 }); // a crash left the temp file behind
    await s.set('merchant.adminKey', ADMIN);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });

  it('with a cipher, no value is in the file in clear, and the values come back', async () => {
    const s = new FileSecretStore(dir, testCipher());
    await s.set('merchant.cidSecret', SECRET);
    await s.set('merchant.adminKey', ADMIN);
    expect(onDisk()).not.toContain(SECRET);
    expect(onDisk()).not.toContain(ADMIN);
    expect(JSON.parse(onDisk())).toMatchObject({ v: 1, cipher: 'test-aes' });
    expect(await s.get('merchant.cidSecret')).toBe(SECRET);
    expect(await s.get('merchant.adminKey')).toBe(ADMIN);
    expect(s.protection).toBe('test-aes');
  });

  it('without a cipher, the file permission is the protection (and says so)', async () => {
    const s = new FileSecretStore(dir);
    await s.set('merchant.cidSecret', SECRET);
    expect(s.protection).toBe('file mode 0600');
    expect(JSON.parse(onDisk())).toMatchObject({ cipher: 'none', values: { 'merchant.cidSecret': SECRET } });
  });

  it('values survive reopening the store', async () => {
    const cipher = testCipher();
    await new FileSecretStore(dir, cipher).set('merchant.cidSecret', SECRET);
    const reopened = new FileSecretStore(dir, cipher);
    expect(await reopened.get('merchant.cidSecret')).toBe(SECRET);
    expect(await reopened.get('merchant.adminKey')).toBeNull();
  });

  it('set(null) removes a secret and keeps the other', async () => {
    const s = new FileSecretStore(dir, testCipher());
    await s.set('merchant.cidSecret', SECRET);
    await s.set('merchant.adminKey', ADMIN);
    await s.set('merchant.cidSecret', null);
    expect(await s.get('merchant.cidSecret')).toBeNull();
    expect(await s.get('merchant.adminKey')).toBe(ADMIN);
  });

  it('switching from no cipher to a cipher re-encodes the values already stored', async () => {
    await new FileSecretStore(dir).set('merchant.adminKey', ADMIN);
    expect(onDisk()).toContain(ADMIN);
    const s = new FileSecretStore(dir, testCipher('safeStorage (gnome_libsecret)'));
    expect(await s.get('merchant.adminKey')).toBe(ADMIN); // readable before any write
    await s.set('merchant.cidSecret', SECRET);
    expect(onDisk()).not.toContain(ADMIN);
    expect(onDisk()).not.toContain(SECRET);
    expect(JSON.parse(onDisk()).cipher).toBe('safeStorage (gnome_libsecret)');
    expect(await s.get('merchant.adminKey')).toBe(ADMIN);
  });

  it('switching to a renamed cipher that can still decrypt re-encodes under the new name', async () => {
    const key = randomBytes(32);
    await new FileSecretStore(dir, testCipher('safeStorage (kwallet5)', key)).set('merchant.adminKey', ADMIN);
    const s = new FileSecretStore(dir, testCipher('safeStorage (kwallet6)', key));
    await s.set('merchant.cidSecret', SECRET);
    expect(JSON.parse(onDisk()).cipher).toBe('safeStorage (kwallet6)');
    expect(await new FileSecretStore(dir, testCipher('safeStorage (kwallet6)', key)).get('merchant.adminKey')).toBe(ADMIN);
  });

  it('values encrypted by a cipher this shell lacks read as null, never as ciphertext', async () => {
    await new FileSecretStore(dir, testCipher()).set('merchant.cidSecret', SECRET);
    expect(await new FileSecretStore(dir).get('merchant.cidSecret')).toBeNull();
    expect(await new FileSecretStore(dir, testCipher('test-aes', randomBytes(32))).get('merchant.cidSecret')).toBeNull(); // wrong key
  });

  it('an unreadable or corrupt file reads as empty, without a crash, and is rewritten on the next set', async () => {
    for (const junk of ['{not json', '[]', '{"v":2,"values":{}}', 'null', '']) {
      writeFileSync(file(), junk);
      const s = new FileSecretStore(dir, testCipher());
      expect(await s.get('merchant.cidSecret'), junk).toBeNull();
      await s.set('merchant.cidSecret', SECRET);
      expect(await s.get('merchant.cidSecret')).toBe(SECRET);
    }
    rmSync(file());
    mkdirSync(file()); // a folder where the file should be: EISDIR on read
    expect(await new FileSecretStore(dir).get('merchant.adminKey')).toBeNull();
  });
});
