/**
 * Chooses the gateway for the configured backend dialect. Both speak HTTP (axios) with the same
 * failure classification and the same cashier flow (customer QR → ready → approve; cancel; look-up).
 *
 * credentials: what the core keeps from registerStore (cidSecret, adminKey), or a getter read on
 * every call (so a registration or a settings change needs no new gateway). The OneQ Pay client
 * sends `Authorization: SECRET_KEY <cidSecret>`; the Kakao Pay client `KakaoAK <adminKey>`, or
 * `SECRET_KEY <cidSecret>` when it has no adminKey. The Kakao dialect refuses calls without one.
 */
import type { PaymentGateway } from './gateway';
import type { CredentialsSource } from './http-call';
import { createKakaoPayGateway, type KakaoApiGeneration } from './kakaopay-client';
import { createOneqPayGateway } from './oneqpay-client';

export interface GatewayConfig {
  dialect: 'oneqpay' | 'kakaopay';
  baseUrl: string;
  timeoutMs: number;
  credentials?: CredentialsSource;
  /** Kakao dialect: the legacy API (kapi.kakao.com, default) or the current open API (open-api.kakaopay.com). */
  kakaoApi?: KakaoApiGeneration;
}

export function createGateway(c: GatewayConfig): PaymentGateway {
  const opts = { baseUrl: c.baseUrl, timeoutMs: c.timeoutMs, ...(c.credentials !== undefined ? { credentials: c.credentials } : {}) };
  return c.dialect === 'kakaopay' ? createKakaoPayGateway({ ...opts, generation: c.kakaoApi ?? 'legacy' }) : createOneqPayGateway(opts);
}
