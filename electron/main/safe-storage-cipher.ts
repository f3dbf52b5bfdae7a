/**
 * The Electron SecretCipher: safeStorage's async API (OS keychain on macOS, DPAPI on Windows,
 * libsecret / KWallet on Linux). No 'electron' import: index.ts passes `safeStorage` in, tests a fake.
 * Returns null — and the FileSecretStore falls back to file mode 0600 — when encryption is not
 * available, or on Linux when the only backend is "basic_text" (a key hard-coded in Chromium,
 * which would be obfuscation presented as encryption).
 */
import type { SecretCipher } from '../core/secrets/secret-store';

/** The part of Electron's safeStorage this uses (Electron 45 types). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend(): string;
}

const PLATFORM_BACKEND: Partial<Record<NodeJS.Platform, string>> = { win32: 'DPAPI', darwin: 'Keychain' };

/** Call after app 'ready' (before it, Linux reports the backend as "unknown"). */
export async function createSafeStorageCipher(ss: SafeStorageLike, platform: NodeJS.Platform = process.platform): Promise<SecretCipher | null> {
  let available = false;
  try {
    available = await ss.isAsyncEncryptionAvailable();
  } catch (e) {
    console.error('[secrets] safeStorage unavailable:', e instanceof Error ? e.message : String(e));
  }
  if (!available) return null;
  const backend = platform === 'linux' ? ss.getSelectedStorageBackend() : (PLATFORM_BACKEND[platform] ?? platform);
  if (backend === 'basic_text' || backend === 'unknown') {
    console.error(`[secrets] safeStorage backend is "${backend}" (no OS keyring): secrets are protected by file permissions only`);
    return null;
  }
  return {
    name: `safeStorage (${backend})`,
    async encrypt(plain) {
      return (await ss.encryptStringAsync(plain)).toString('base64');
    },
    async decrypt(stored) {
      const { result } = await ss.decryptStringAsync(Buffer.from(stored, 'base64'));
      return result;
    },
  };
}
