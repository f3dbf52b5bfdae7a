/**
 * What the customer's wallet shows: the customer's methods with masked numbers (never a full account
 * or card number, never an expiry on a receipt-like list), balances, remaining limits and consent.
 * Card fields follow seed 000 (cardNumber, cardName, validityPeriod, cardStatus, joinDate, orgCode,
 * cardTypeCode, limit, accNumber); the CVC is deliberately not kept.
 */
import type { Customers, CustomerRow } from './customers';
import { cardExpired } from './funding';

/** "********9012": never the full number. */
export function maskAccount(num: string): string {
  return `${'*'.repeat(Math.max(0, num.length - 4))}${num.slice(-4)}`;
}
/** "9410-12**-****-1234" */
export function maskCard(num: string): string {
  return `${num.slice(0, 4)}-${num.slice(4, 6)}**-****-${num.slice(-4)}`;
}

export interface MethodView {
  method_id: string;
  kind: '계좌' | 'CARD' | 'MONEY';
  label: string;
  masked: string;
  /** Balance of the account / money, or the remaining limit of a credit card (linked balance for a check card). */
  available: number;
  usable: boolean;
  note: string;
}

const expired = (until: string | null, now: Date) => until !== null && Date.parse(until) <= now.getTime();

export function methodsOf(customers: Customers, c: CustomerRow, now: Date): MethodView[] {
  const accounts = customers.accounts(c.id);
  const out: MethodView[] = accounts.map((a) => ({
    method_id: `A${a.id}`,
    kind: '계좌',
    label: `${a.bank_name} ${a.alias || '계좌'}`.trim(),
    masked: maskAccount(a.acct_num),
    available: a.balance,
    usable: a.status === 'ACTIVE',
    note: a.status === 'ACTIVE' ? '' : '비활성 계좌',
  }));
  for (const k of customers.cards(c.id)) {
    const linked = accounts.find((a) => a.id === k.account_id);
    const isExpired = cardExpired(k.validity_period, now);
    out.push({
      method_id: `C${k.id}`,
      kind: 'CARD',
      label: `${k.card_name} (${k.card_type_code === 1 ? '신용' : '체크'})`,
      masked: maskCard(k.card_number),
      available: k.card_type_code === 1 ? k.credit_limit - k.used_amount : (linked?.balance ?? 0),
      usable: k.status === 'ACTIVE' && !isExpired,
      note: k.status !== 'ACTIVE' ? '비활성 카드' : isExpired ? '유효기간 만료' : k.card_type_code === 1 && k.billing_day ? `결제일 매월 ${k.billing_day}일` : '',
    });
  }
  out.push({ method_id: 'MONEY', kind: 'MONEY', label: '하나머니', masked: '', available: c.money_balance, usable: true, note: '' });
  return out;
}

/** GET /wallet/api/customers/:id — the first six fields are the original (v1) response. */
export function customerJson(customers: Customers, c: CustomerRow, now: Date) {
  const accounts = customers.accounts(c.id);
  const primary = accounts[0];
  return {
    id: c.id,
    name: c.name,
    account_masked: maskAccount(primary?.acct_num ?? c.bank_acct_num),
    account_alias: primary?.alias ?? c.bank_acct_alias,
    account_balance: primary?.balance ?? 0,
    money_balance: c.money_balance,
    consent: {
      info_consent_until: c.info_consent_until,
      withdraw_consent_until: c.withdraw_consent_until,
      info_expired: expired(c.info_consent_until, now),
      withdraw_expired: expired(c.withdraw_consent_until, now),
    },
    accounts: accounts.map((a) => ({ method_id: `A${a.id}`, bank_name: a.bank_name, org_code: a.org_code, acct_masked: maskAccount(a.acct_num), alias: a.alias, balance: a.balance, status: a.status })),
    cards: customers.cards(c.id).map((k) => ({
      method_id: `C${k.id}`,
      cardNumber: maskCard(k.card_number),
      cardName: k.card_name,
      cardTypeCode: String(k.card_type_code),
      cardStatus: k.status === 'ACTIVE' ? '활성' : '비활성',
      validityPeriod: k.validity_period,
      joinDate: k.join_date,
      orgCode: k.org_code,
      accNumber: maskAccount(accounts.find((a) => a.id === k.account_id)?.acct_num ?? ''),
      limit: k.credit_limit,
      used: k.used_amount,
      remaining: k.card_type_code === 1 ? k.credit_limit - k.used_amount : null,
      billingDay: k.billing_day,
    })),
    methods: methodsOf(customers, c, now),
  };
}
