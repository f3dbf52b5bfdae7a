/**
 * Merchant credentials on every merchant call (not on registration, which issues them).
 * Accepted, in either dialect:
 *   Authorization: SECRET_KEY <cid_secret>     (the form Kakao Pay's current API uses)
 *   Authorization: KakaoAK <admin_key>          (seed 004)
 *   form field cid_secret=<cid_secret>          (seed 004's optional field)
 * A credential that is sent must belong to the request's cid; a missing one is refused when
 * `required` (always in the Kakao dialect; in the OneQ dialect when requireMerchantAuth is on).
 * Keys are never logged: the request log has method and URL only.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { PaymentRules } from './payment-rules';
import { SimError } from './sim-errors';

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Checks the merchant credential of the request; true when one was presented (and it was right). */
export function checkMerchant(rules: PaymentRules, req: FastifyRequest, cid: string, formSecret: string | undefined, required: boolean): boolean {
  const header = req.headers.authorization;
  const keys = rules.merchantKeys(cid);
  let presented = false;
  if (typeof header === 'string' && header.trim() !== '') {
    presented = true;
    const m = /^\s*(SECRET_KEY|KakaoAK)\s+(\S{1,128})\s*$/.exec(header);
    if (!m) throw new SimError(401, 'MERCHANT_AUTH_FAILED', 'Authorization must be "SECRET_KEY <cid_secret>" or "KakaoAK <admin_key>"');
    const ok = m[1] === 'SECRET_KEY' ? same(m[2]!, keys.cidSecret) : same(m[2]!, keys.adminKey);
    if (!ok) throw new SimError(401, 'MERCHANT_AUTH_FAILED', 'the key does not belong to this cid');
  }
  if (formSecret !== undefined) {
    presented = true;
    if (!same(formSecret, keys.cidSecret)) throw new SimError(401, 'MERCHANT_AUTH_FAILED', 'cid_secret does not belong to this cid', 'cid_secret');
  }
  if (required && !presented) throw new SimError(401, 'MERCHANT_AUTH_FAILED', 'merchant credentials are required (Authorization header or cid_secret)');
  return presented;
}
