/**
 * One-time payment QR tokens (format v1 of shared/domain/qr-payload.ts: "ONEQ1." + 16 base32 + 2 check).
 * Server side, the 16-char body is a 10-char random token id (50 bits) followed by a 6-char MAC
 * (30 bits of HMAC-SHA256(id) under the simulator secret). So the backend tells apart:
 *   QR_TAMPERED  well-formed, but the MAC is wrong: not made by this backend (forged or altered)
 *   QR_UNKNOWN   the MAC is right but no such token was issued here (another simulator with the
 *                same secret, or a database reset)
 *   QR_USED / QR_EXPIRED   a real token already used / past its validity (default 3 minutes)
 * The database keeps only a SHA-256 hash and a masked form of each token.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { encodeQrPayload, maskQrText, parseQrPayload } from '../../shared/domain/qr-payload';
import type { Customers, Instrument } from './customers';
import type { FundingRef } from './funding';
import { SimError } from './sim-errors';
import type { SimDb } from './sim-db';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ID_LEN = 10;
const MAC_LEN = 6;

export const hashQrText = (text: string) => createHash('sha256').update(text).digest('hex');

function b32(bytes: Uint8Array, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += B32[bytes[i]! & 31];
  return s;
}

export interface QrTokenRow {
  token_hash: string;
  masked: string;
  customer_id: string;
  instrument: Instrument;
  account_id: number | null;
  card_id: number | null;
  issued_at: string;
  expires_at: string;
  used_at: string | null;
  used_tid: string | null;
}

/** How a customer picks a method when asking for a QR: an explicit method id ("A12", "C3", "MONEY") or a kind. */
export interface MethodChoice {
  methodId?: string | undefined;
  kind?: '계좌' | 'MONEY' | 'CARD' | undefined;
}

export interface IssuedQr {
  qr_text: string;
  expires_at: string;
  /** OneQ Pay method name of the instrument ('계좌', 'MONEY' or the extension 'CARD'). */
  method: '계좌' | 'MONEY' | 'CARD';
  method_id: string;
}

export function methodIdOf(ref: Pick<FundingRef, 'instrument' | 'accountId' | 'cardId'>): string {
  return ref.instrument === 'MONEY' ? 'MONEY' : ref.instrument === 'ACCOUNT' ? `A${ref.accountId}` : `C${ref.cardId}`;
}
export const oneqMethodOf = (i: Instrument): IssuedQr['method'] => (i === 'MONEY' ? 'MONEY' : i === 'ACCOUNT' ? '계좌' : 'CARD');

export class QrTokens {
  constructor(
    private readonly sdb: SimDb,
    private readonly customers: Customers,
    private readonly key: Buffer,
    private readonly now: () => Date,
    private readonly ttlMs: number,
  ) {}

  private mac(id: string): string {
    return b32(createHmac('sha256', this.key).update(`qr1:${id}`).digest(), MAC_LEN);
  }

  /** A fresh, well-formed, MAC-carrying QR text (not yet recorded). */
  mint(): string {
    const id = b32(randomBytes(ID_LEN), ID_LEN);
    return encodeQrPayload(id + this.mac(id));
  }

  macValid(body: string): boolean {
    const want = Buffer.from(this.mac(body.slice(0, ID_LEN)));
    const got = Buffer.from(body.slice(ID_LEN, ID_LEN + MAC_LEN));
    return want.length === got.length && timingSafeEqual(want, got);
  }

  /** Resolves a method choice to one of the customer's instruments (any status: rules decide at approval). */
  resolveMethod(customerId: string, choice: MethodChoice): FundingRef {
    const c = this.customers.require(customerId);
    const id = choice.methodId ?? (choice.kind === 'MONEY' ? 'MONEY' : undefined);
    if (id === 'MONEY') return { customerId: c.id, instrument: 'MONEY', accountId: null, cardId: null };
    const m = id ? /^([AC])(\d{1,12})$/.exec(id) : null;
    if (id && !m) throw new SimError(400, 'VALIDATION_FAILED', 'method_id must be A<n>, C<n> or MONEY', 'method_id');
    if (m?.[1] === 'A' || (!m && choice.kind !== 'CARD')) {
      const a = m ? this.customers.account(Number(m[2])) : this.customers.primaryAccount(c.id);
      if (!a || a.customer_id !== c.id) throw new SimError(404, 'VALIDATION_FAILED', 'no such account for this customer', 'method_id');
      return { customerId: c.id, instrument: 'ACCOUNT', accountId: a.id, cardId: null };
    }
    const cards = this.customers.cards(c.id);
    const card = m ? cards.find((k) => k.id === Number(m[2])) : (cards.find((k) => k.status === 'ACTIVE') ?? cards[0]);
    if (!card) throw new SimError(404, 'VALIDATION_FAILED', 'no such card for this customer', 'method_id');
    return { customerId: c.id, instrument: 'CARD', accountId: null, cardId: card.id };
  }

  /** A one-time QR for a customer's method (single use, valid ttlMs). */
  issue(customerId: string, choice: MethodChoice): IssuedQr {
    const ref = this.resolveMethod(customerId, choice);
    const text = this.mint();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs).toISOString();
    const insert = this.sdb.db.prepare(
      `INSERT INTO qr_tokens (token_hash, masked, customer_id, instrument, account_id, card_id, issued_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // In a (group-committed) transaction: an autocommit insert would cost its own fsync.
    this.sdb.tx(() => insert.run(hashQrText(text), maskQrText(text), ref.customerId, ref.instrument, ref.accountId, ref.cardId, now.toISOString(), expiresAt));
    return { qr_text: text, expires_at: expiresAt, method: oneqMethodOf(ref.instrument), method_id: methodIdOf(ref) };
  }

  /**
   * Checks a presented token inside the caller's transaction (form, MAC, issued, unused, unexpired)
   * and returns it with its hash; it is consumed only by consume().
   */
  check(raw: string): { row: QrTokenRow; hash: string; masked: string } {
    const qr = parseQrPayload(raw);
    if (!qr.ok) throw new SimError(400, qr.code, 'qr_token is not a valid payment QR', 'qr_token');
    const hash = hashQrText(qr.payload.text);
    const row = this.sdb.db.prepare('SELECT * FROM qr_tokens WHERE token_hash = ?').get(hash) as QrTokenRow | undefined;
    if (!row) {
      if (!this.macValid(qr.payload.body)) throw new SimError(400, 'QR_TAMPERED', 'qr_token was not made by this backend', 'qr_token');
      throw new SimError(400, 'QR_UNKNOWN', 'qr_token was not issued here', 'qr_token');
    }
    if (row.used_at) throw new SimError(400, 'QR_USED', 'qr_token was already used', 'qr_token');
    if (Date.parse(row.expires_at) <= this.now().getTime()) throw new SimError(400, 'QR_EXPIRED', 'qr_token has expired', 'qr_token');
    return { row, hash, masked: maskQrText(qr.payload.text) };
  }

  /** Marks a token used by a payment; false when someone used it first. */
  consume(hash: string, tid: string): boolean {
    return this.sdb.db.prepare('UPDATE qr_tokens SET used_at = ?, used_tid = ? WHERE token_hash = ? AND used_at IS NULL').run(this.now().toISOString(), tid, hash).changes === 1;
  }
}
