import type { StoreProfile, StoreRegistration } from '../../../../shared/contract';
import { PosError } from '../../../../shared/domain/errors';
import { GatewayError, type MerchantCredentials, type PaymentGateway } from '../gateway/gateway';
import { toPosError } from '../gateway/to-pos-error';
import type { StoreRepo } from './store-repo';

/**
 * Onboarding: registers the business with the partnership API and keeps the issued cid; the merchant
 * keys the backend issues with it (cid_secret, admin key) go to the secret store, not the ledger.
 */
export class StoreService {
  constructor(
    private readonly repo: StoreRepo,
    private readonly gateway: () => PaymentGateway,
    private readonly saveCredentials: (c: MerchantCredentials) => Promise<unknown> = async () => {},
  ) {}

  get(): StoreProfile | null {
    return this.repo.get();
  }

  async register(registration: StoreRegistration): Promise<StoreProfile> {
    const { enrollmentCode, categoryCd, ...input } = registration;
    let res;
    try {
      res = await this.gateway().registerStore({
        businessNo: input.businessNo,
        name: input.name,
        phone: input.phone,
        address1: input.address1,
        address2: input.address2,
        postNo: input.postNo,
        ...(enrollmentCode ? { enrollmentCode } : {}),
        ...(categoryCd !== undefined ? { categoryCd } : {}),
      });
    } catch (e) {
      // Timeout, reset, 5xx, garbage, A0007…: the store may be registered at the backend, or not. Say so
      // (not BACKEND_UNKNOWN's payment wording); registering again is safe: the partnership API is
      // idempotent per business number (same cid).
      if (e instanceof GatewayError && e.kind === 'unknown') throw new PosError('STORE_REGISTRATION_UNCONFIRMED', `${e.code}: ${e.detail}`);
      throw toPosError(e);
    }
    if (res.cidSecret || res.adminKey) await this.saveCredentials({ ...(res.cidSecret ? { cidSecret: res.cidSecret } : {}), ...(res.adminKey ? { adminKey: res.adminKey } : {}) });
    const profile: StoreProfile = { ...input, cid: res.cid, categoryCd: res.categoryCd, createdAt: res.createdAt, approvedAt: res.approvedAt, registeredAt: new Date().toISOString() };
    this.repo.save(profile);
    // The enrollment code goes to the screen once (the merchant writes it down), never to the ledger.
    return res.enrollmentCode ? { ...profile, enrollmentCode: res.enrollmentCode } : profile;
  }
}
