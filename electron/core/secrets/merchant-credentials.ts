/**
 * The merchant's credentials for the payment backend (cid_secret, Kakao admin key), read from the
 * SecretStore once at start and kept in memory for the gateway's per-call getter. Only whether each
 * is set ever leaves the main process (CredentialsStatus); the values never do.
 */
import type { CredentialsStatus } from '../../../shared/contract';
import type { SecretsHealth } from '../../../shared/contract-health';
import type { MerchantCredentials } from '../services/gateway/gateway';
import type { SecretStore } from './secret-store';

export class MerchantCredentialsStore {
  private current: MerchantCredentials = {};

  constructor(private readonly store: SecretStore) {}

  async load(): Promise<void> {
    const [cidSecret, adminKey] = await Promise.all([this.store.get('merchant.cidSecret'), this.store.get('merchant.adminKey')]);
    this.current = { ...(cidSecret ? { cidSecret } : {}), ...(adminKey ? { adminKey } : {}) };
  }

  /** For the gateway: read on every call, so a new registration or a settings change needs no new gateway. */
  get(): MerchantCredentials {
    return this.current;
  }

  /** undefined leaves a value as it is; null removes it. */
  async set(patch: { cidSecret?: string | null | undefined; adminKey?: string | null | undefined }): Promise<CredentialsStatus> {
    if (patch.cidSecret !== undefined) await this.store.set('merchant.cidSecret', patch.cidSecret);
    if (patch.adminKey !== undefined) await this.store.set('merchant.adminKey', patch.adminKey);
    await this.load();
    return this.status();
  }

  status(needsKey = false): CredentialsStatus {
    return { cidSecret: !!this.current.cidSecret, adminKey: !!this.current.adminKey, protection: this.store.protection, health: this.health(needsKey) };
  }

  /** damaged (the store says why), else missing when the backend needs a key and none is stored, else ok. */
  health(needsKey = false): SecretsHealth {
    const h = this.store.health();
    if (h.state !== 'ok') return h;
    if (needsKey && !this.current.cidSecret && !this.current.adminKey) return { state: 'missing', detail: 'no merchant key is stored for this backend' };
    return h;
  }
}
