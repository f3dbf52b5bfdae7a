import type { StoreProfile, StoreRegistration } from '../../../../shared/contract';
import type { MerchantCredentials, PaymentGateway } from '../gateway/gateway';
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

  async register(input: StoreRegistration): Promise<StoreProfile> {
    let res;
    try {
      res = await this.gateway().registerStore({
        businessNo: input.businessNo,
        name: input.name,
        phone: input.phone,
        address1: input.address1,
        address2: input.address2,
        postNo: input.postNo,
      });
    } catch (e) {
      throw toPosError(e);
    }
    if (res.cidSecret || res.adminKey) await this.saveCredentials({ ...(res.cidSecret ? { cidSecret: res.cidSecret } : {}), ...(res.adminKey ? { adminKey: res.adminKey } : {}) });
    const profile: StoreProfile = { ...input, cid: res.cid, categoryCd: res.categoryCd, createdAt: res.createdAt, approvedAt: res.approvedAt, registeredAt: new Date().toISOString() };
    this.repo.save(profile);
    return profile;
  }
}
