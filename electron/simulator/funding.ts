/**
 * The payment rules of seed 000 (flowcharts "계좌 및 체크카드" and "신용카드") plus the Open Banking
 * consent checks of seed 001, applied when a payment is approved:
 *   account / check card → the (linked) account must be active and its balance cover the amount;
 *                          withdrawal consent must be valid (A0319)
 *   credit card          → active, not expired; the remaining limit must cover the amount; on the
 *                          billing day the linked account is checked too (an inquiry: A0316 consent)
 *                          and its balance must cover the amount
 *   Hana Money (MONEY)   → the money balance must cover the amount
 * Moves balances on approval and restores them on cancel. Runs inside the caller's transaction.
 */
import type { ErrorCode } from '../../shared/domain/errors';
import { seoulDay } from '../../shared/domain/time';
import type { AccountRow, CardRow, Customers, CustomerRow, Instrument } from './customers';

export interface FundingRef {
  customerId: string;
  instrument: Instrument;
  accountId: number | null;
  cardId: number | null;
}

export interface Decline {
  code: ErrorCode;
  /** Open Banking response code (seed 001) where one applies. */
  rspCode?: string;
  detail: string;
}

/** Status code of each decline (the simulator's JSON errors). */
export const DECLINE_STATUS: Partial<Record<ErrorCode, number>> = {
  INSUFFICIENT_BALANCE: 402,
  CREDIT_LIMIT_EXCEEDED: 402,
  BILLING_DAY_BALANCE: 402,
  ACCOUNT_INACTIVE: 403,
  CARD_INACTIVE: 403,
  CARD_EXPIRED: 403,
  CONSENT_INFO_EXPIRED: 403,
  CONSENT_WITHDRAWAL_EXPIRED: 403,
};

const expired = (until: string | null, now: Date) => until !== null && Date.parse(until) <= now.getTime();

/** "MM/YY" is valid through the last day of that month (Seoul). */
export function cardExpired(validity: string, now: Date): boolean {
  const m = /^(\d{2})\/(\d{2})$/.exec(validity);
  if (!m) return true;
  const [y, mo] = [2000 + Number(m[2]), Number(m[1])];
  const today = seoulDay(now); // YYYY-MM-DD
  const ym = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7));
  return ym > y * 12 + mo;
}

/** Today is the card's billing day (a day past the month's end means its last day). */
export function isBillingDay(billingDay: number | null, now: Date): boolean {
  if (billingDay === null) return false;
  const today = seoulDay(now);
  const [y, mo, d] = [Number(today.slice(0, 4)), Number(today.slice(5, 7)), Number(today.slice(8, 10))];
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d === Math.min(billingDay, last);
}

export class Funding {
  constructor(private readonly customers: Customers) {}

  /** Checks the rules and moves the money; a Decline changes nothing. */
  charge(ref: FundingRef, amount: number, now: Date): Decline | null {
    const c = this.customers.get(ref.customerId);
    if (!c) return { code: 'PAYMENT_STATE', detail: 'the customer no longer exists' };
    switch (ref.instrument) {
      case 'MONEY':
        return this.customers.debitMoney(c.id, amount) ? null : { code: 'INSUFFICIENT_BALANCE', detail: 'Hana Money balance is below the amount' };
      case 'ACCOUNT': {
        const a = ref.accountId === null ? undefined : this.customers.account(ref.accountId);
        return this.withdraw(c, a, amount, 'account', now);
      }
      case 'CARD': {
        const card = ref.cardId === null ? undefined : this.customers.card(ref.cardId);
        if (!card) return { code: 'CARD_INACTIVE', detail: 'the card no longer exists' };
        if (card.status !== 'ACTIVE') return { code: 'CARD_INACTIVE', detail: 'the card is inactive' };
        if (cardExpired(card.validity_period, now)) return { code: 'CARD_EXPIRED', detail: `the card expired (${card.validity_period})` };
        const linked = this.customers.account(card.account_id);
        return card.card_type_code === 2 ? this.withdraw(c, linked, amount, 'check card linked account', now) : this.credit(c, card, linked, amount, now);
      }
    }
  }

  /** Gives back part or all of a charge (a cancel). */
  refund(ref: FundingRef, amount: number): void {
    if (ref.instrument === 'MONEY') return this.customers.creditMoney(ref.customerId, amount);
    if (ref.instrument === 'ACCOUNT') return this.customers.creditAccount(ref.accountId!, amount);
    const card = this.customers.card(ref.cardId!)!;
    if (card.card_type_code === 2) this.customers.creditAccount(card.account_id, amount);
    else this.customers.releaseCredit(card.id, amount);
  }

  private withdraw(c: CustomerRow, a: AccountRow | undefined, amount: number, what: string, now: Date): Decline | null {
    if (!a || a.status !== 'ACTIVE') return { code: 'ACCOUNT_INACTIVE', detail: `the ${what} is inactive` };
    if (expired(c.withdraw_consent_until, now)) return { code: 'CONSENT_WITHDRAWAL_EXPIRED', rspCode: 'A0319', detail: 'withdrawal consent expired' };
    return this.customers.debitAccount(a.id, amount) ? null : { code: 'INSUFFICIENT_BALANCE', detail: `${what} balance is below the amount` };
  }

  private credit(c: CustomerRow, card: CardRow, linked: AccountRow | undefined, amount: number, now: Date): Decline | null {
    if (card.credit_limit - card.used_amount < amount) return { code: 'CREDIT_LIMIT_EXCEEDED', detail: 'the remaining credit limit is below the amount' };
    if (isBillingDay(card.billing_day, now)) {
      if (expired(c.info_consent_until, now)) return { code: 'CONSENT_INFO_EXPIRED', rspCode: 'A0316', detail: 'billing day: the linked account cannot be inquired (consent expired)' };
      if (!linked || linked.status !== 'ACTIVE') return { code: 'ACCOUNT_INACTIVE', detail: 'billing day: the linked account is inactive' };
      if (linked.balance < amount) return { code: 'BILLING_DAY_BALANCE', detail: 'billing day: the linked account balance is below the amount' };
    }
    return this.customers.useCredit(card.id, amount) ? null : { code: 'CREDIT_LIMIT_EXCEEDED', detail: 'the remaining credit limit is below the amount' };
  }
}
