/**
 * Secrets of the main process (merchant cid_secret, admin key): never in settings, never sent to the
 * renderer, never logged. One JSON file `secrets.json` in the data folder, created with mode 0600
 * (readable only by the user); each value is encrypted with the shell's cipher when it has one
 * (Electron: safeStorage, which uses the OS keychain / libsecret / DPAPI). The web shell has no OS
 * cipher: there the file permission is the protection (README, "Data").
 */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretsHealth } from '../../../shared/contract-health';

export const SECRET_NAMES = ['merchant.cidSecret', 'merchant.adminKey', 'headoffice.key'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** Encrypts secrets at rest; the Electron shell passes one built on safeStorage. */
export interface SecretCipher {
  /** A short name for diagnostics, e.g. "safeStorage (gnome_libsecret)". */
  readonly name: string;
  encrypt(plain: string): Promise<string>;
  decrypt(stored: string): Promise<string>;
}

export interface SecretStore {
  get(name: SecretName): Promise<string | null>;
  /** null removes the secret. */
  set(name: SecretName, value: string | null): Promise<void>;
  /** What protects the values at rest. */
  readonly protection: string;
  /** Whether the last read found the file and its values readable (damaged: shown in 진단 and the status bar). */
  health(): SecretsHealth;
}

export const SECRETS_FILE = 'secrets.json';

interface FileShape {
  v: 1;
  cipher: string;
  values: Partial<Record<SecretName, string>>;
}

export class FileSecretStore implements SecretStore {
  private readonly file: string;
  readonly protection: string;
  private problem: string | null = null;

  constructor(
    dataDir: string,
    private readonly cipher: SecretCipher | null = null,
  ) {
    this.file = join(dataDir, SECRETS_FILE);
    this.protection = cipher ? cipher.name : 'file mode 0600';
  }

  health(): SecretsHealth {
    return this.problem ? { state: 'damaged', detail: this.problem } : { state: 'ok' };
  }

  private read(): FileShape {
    if (!existsSync(this.file)) return { v: 1, cipher: this.cipherName(), values: {} };
    try {
      const j = JSON.parse(readFileSync(this.file, 'utf8')) as FileShape;
      if (j && j.v === 1 && typeof j.values === 'object' && j.values !== null) return j;
    } catch {
      /* unreadable: treated as empty, rewritten on the next set */
    }
    console.error('[secrets] secrets file unreadable: starting empty');
    this.problem = `${SECRETS_FILE} is unreadable: the merchant keys are lost until they are entered again`;
    return { v: 1, cipher: this.cipherName(), values: {} };
  }

  private cipherName(): string {
    return this.cipher ? this.cipher.name : 'none';
  }

  async get(name: SecretName): Promise<string | null> {
    const f = this.read();
    const stored = f.values[name];
    if (stored === undefined) return null;
    if (f.cipher === 'none') return stored;
    if (!this.cipher) {
      console.error(`[secrets] ${name} was encrypted by ${f.cipher}, which this shell does not have`);
      this.problem = `${name} was encrypted by ${f.cipher}, which this shell does not have`;
      return null;
    }
    try {
      return await this.cipher.decrypt(stored);
    } catch {
      console.error(`[secrets] ${name} could not be decrypted`);
      this.problem = `${name} could not be decrypted`;
      return null;
    }
  }

  async set(name: SecretName, value: string | null): Promise<void> {
    const f = this.read();
    // A file written under another cipher (or none) is re-encoded under this one.
    const values: Partial<Record<SecretName, string>> = {};
    for (const n of SECRET_NAMES) {
      if (n === name) continue;
      const plain = f.values[n] === undefined ? null : f.cipher === this.cipherName() ? null : await this.get(n);
      if (plain !== null) values[n] = this.cipher ? await this.cipher.encrypt(plain) : plain;
      else if (f.values[n] !== undefined && f.cipher === this.cipherName()) values[n] = f.values[n];
    }
    if (value !== null) values[name] = this.cipher ? await this.cipher.encrypt(value) : value;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ v: 1, cipher: this.cipherName(), values } satisfies FileShape), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
    this.problem = null; // written afresh: whatever was damaged is replaced
  }
}
