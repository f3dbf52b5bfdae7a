import { randomBytes } from 'node:crypto';
import { seoulDay } from '../../../../shared/domain/time';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** "20261122-7KQ2M4XA": the Seoul day plus 8 random chars; fixed at creation, it is the idempotency key. */
export function newOrderId(now: Date = new Date()): string {
  const bytes = randomBytes(8);
  let s = '';
  for (const b of bytes) s += ALPHABET[b & 31];
  return `${seoulDay(now).replaceAll('-', '')}-${s}`;
}
