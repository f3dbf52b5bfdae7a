/**
 * Customers and their MyData-linked payment methods (seed 000): bank accounts, credit (cardTypeCode 1)
 * and check (cardTypeCode 2) cards linked to an account, and the Hana Money balance.
 * Creation (tests, the wallet API) and the demo customers seeded once per database.
 */
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { SimError } from './sim-errors';
import type { SimDb } from './sim-db';

export type Instrument = 'ACCOUNT' | 'CARD' | 'MONEY';
export type ActiveStatus = 'ACTIVE' | 'INACTIVE';

export interface CustomerRow {
  id: string;
  name: string;
  bank_acct_num: string;
  bank_acct_alias: string;
  money_balance: number;
  identity_number: string | null;
  info_consent_until: string | null;
  withdraw_consent_until: string | null;
  pin: string;
  created_at: string;
}
export interface AccountRow {
  id: number;
  customer_id: string;
  org_code: string;
  bank_name: string;
  acct_num: string;
  alias: string;
  balance: number;
  status: ActiveStatus;
  is_primary: number;
}
export interface CardRow {
  id: number;
  customer_id: string;
  card_number: string;
  card_name: string;
  card_type_code: 1 | 2;
  org_code: string;
  account_id: number;
  credit_limit: number;
  used_amount: number;
  billing_day: number | null;
  validity_period: string;
  status: ActiveStatus;
  join_date: string;
}

const iso = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
const status = z.enum(['ACTIVE', 'INACTIVE']).default('ACTIVE');
const money = z.number().int().min(0).max(1e12);

/** POST /wallet/api/customers (JSON): a customer for a test or a training session. */
export const newCustomerSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).optional(),
  name: z.string().trim().min(1).max(40),
  identity_number: z.string().trim().min(1).max(44).optional(),
  money_balance: money.default(0),
  pin: z.string().regex(/^\d{6}$/).default('000000'),
  info_consent_until: iso.nullable().default(null),
  withdraw_consent_until: iso.nullable().default(null),
  accounts: z
    .array(
      z.object({
        acct_num: z.string().regex(/^\d{10,14}$/).optional(),
        bank_name: z.string().trim().min(1).max(20).default('하나은행'),
        org_code: z.string().regex(/^\d{3}$/).default('081'),
        alias: z.string().trim().max(50).default(''),
        balance: money,
        status,
      }),
    )
    .min(1)
    .max(5),
  cards: z
    .array(
      z.object({
        card_number: z.string().regex(/^\d{16}$/).optional(),
        card_name: z.string().trim().min(1).max(100).optional(),
        card_type_code: z.union([z.literal(1), z.literal(2)]),
        org_code: z.string().regex(/^\d{3}$/).default('081'),
        /** Index into accounts (default 0, the primary account). */
        account_index: z.number().int().min(0).max(4).default(0),
        limit: money.default(0),
        used: money.default(0),
        billing_day: z.number().int().min(1).max(31).nullable().default(null),
        validity_period: z.string().regex(/^(0[1-9]|1[0-2])\/\d{2}$/).default('12/30'),
        status,
        join_date: z.iso.date().default('2023-10-20'),
      }),
    )
    .max(5)
    .default([]),
});
export type NewCustomer = z.input<typeof newCustomerSchema>;

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

export class Customers {
  constructor(private readonly sdb: SimDb) {}

  private get db() {
    return this.sdb.db;
  }

  get(id: string): CustomerRow | undefined {
    return this.db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow | undefined;
  }
  require(id: string): CustomerRow {
    const c = this.get(id);
    if (!c) throw new SimError(404, 'VALIDATION_FAILED', 'unknown customer', 'id');
    return c;
  }
  list(): CustomerRow[] {
    return this.db.prepare('SELECT * FROM customers ORDER BY created_at, id').all() as CustomerRow[];
  }
  accounts(customerId: string): AccountRow[] {
    return this.db.prepare('SELECT * FROM accounts WHERE customer_id = ? ORDER BY is_primary DESC, id').all(customerId) as AccountRow[];
  }
  cards(customerId: string): CardRow[] {
    return this.db.prepare('SELECT * FROM cards WHERE customer_id = ? ORDER BY id').all(customerId) as CardRow[];
  }
  account(id: number): AccountRow | undefined {
    return this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
  }
  card(id: number): CardRow | undefined {
    return this.db.prepare('SELECT * FROM cards WHERE id = ?').get(id) as CardRow | undefined;
  }
  accountByNumber(acctNum: string): AccountRow | undefined {
    return this.db.prepare('SELECT * FROM accounts WHERE acct_num = ?').get(acctNum) as AccountRow | undefined;
  }
  primaryAccount(customerId: string): AccountRow | undefined {
    return this.accounts(customerId)[0];
  }

  /** Balance moves: each returns false (and changes nothing) when it would go below zero or over the limit. */
  debitAccount(id: number, amount: number): boolean {
    return this.db.prepare('UPDATE accounts SET balance = balance - @amount WHERE id = @id AND balance >= @amount').run({ id, amount }).changes === 1;
  }
  creditAccount(id: number, amount: number): void {
    this.db.prepare('UPDATE accounts SET balance = balance + ? WHERE id = ?').run(amount, id);
  }
  useCredit(cardId: number, amount: number): boolean {
    return this.db.prepare('UPDATE cards SET used_amount = used_amount + @amount WHERE id = @id AND used_amount + @amount <= credit_limit').run({ id: cardId, amount }).changes === 1;
  }
  releaseCredit(cardId: number, amount: number): void {
    this.db.prepare('UPDATE cards SET used_amount = MAX(0, used_amount - ?) WHERE id = ?').run(amount, cardId);
  }
  debitMoney(customerId: string, amount: number): boolean {
    return this.db.prepare('UPDATE customers SET money_balance = money_balance - @amount WHERE id = @id AND money_balance >= @amount').run({ id: customerId, amount }).changes === 1;
  }
  creditMoney(customerId: string, amount: number): void {
    this.db.prepare('UPDATE customers SET money_balance = money_balance + ? WHERE id = ?').run(amount, customerId);
  }

  /** Creates a customer with accounts and cards in one transaction; generated numbers when not given. */
  create(raw: unknown, nowIso: string): CustomerRow {
    const r = newCustomerSchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0];
      const field = issue?.path.join('.') || undefined;
      throw new SimError(400, 'VALIDATION_FAILED', `${field ?? 'body'}: ${issue?.message ?? 'invalid'}`, field);
    }
    const c = r.data;
    return this.sdb.tx(() => {
      const id = c.id ?? `c-${digits(8)}`;
      if (this.get(id)) throw new SimError(409, 'VALIDATION_FAILED', 'customer id already exists', 'id');
      const nums = c.accounts.map((a) => a.acct_num ?? this.freshNumber('accounts', 'acct_num', 12));
      for (const n of nums) if (this.accountByNumber(n)) throw new SimError(409, 'VALIDATION_FAILED', 'account number already exists', 'accounts');
      const primary = c.accounts[0]!;
      this.db
        .prepare(
          `INSERT INTO customers (id, name, bank_acct_num, bank_acct_alias, account_balance, money_balance, created_at, identity_number, info_consent_until, withdraw_consent_until, pin)
           VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, c.name, nums[0], primary.alias, c.money_balance, nowIso, c.identity_number ?? `CI${id}`, c.info_consent_until, c.withdraw_consent_until, c.pin);
      const accountIds = c.accounts.map((a, i) =>
        Number(
          this.db
            .prepare('INSERT INTO accounts (customer_id, org_code, bank_name, acct_num, alias, balance, status, is_primary, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
            .run(id, a.org_code, a.bank_name, nums[i], a.alias, a.balance, a.status, i === 0 ? 1 : 0, nowIso).lastInsertRowid,
        ),
      );
      for (const k of c.cards) {
        const accountId = accountIds[k.account_index];
        if (accountId === undefined) throw new SimError(400, 'VALIDATION_FAILED', 'card account_index names no account', 'cards');
        if (k.card_type_code === 1 && k.used > k.limit) throw new SimError(400, 'VALIDATION_FAILED', 'card used exceeds its limit', 'cards');
        const number = k.card_number ?? this.freshNumber('cards', 'card_number', 16);
        if (this.db.prepare('SELECT 1 FROM cards WHERE card_number = ?').get(number)) throw new SimError(409, 'VALIDATION_FAILED', 'card number already exists', 'cards');
        this.db
          .prepare(
            `INSERT INTO cards (customer_id, card_number, card_name, card_type_code, org_code, account_id, credit_limit, used_amount, billing_day, validity_period, status, join_date, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(id, number, k.card_name ?? (k.card_type_code === 1 ? '하나 신용카드' : '하나 체크카드'), k.card_type_code, k.org_code, accountId, k.limit, k.card_type_code === 1 ? k.used : 0, k.billing_day, k.validity_period, k.status, k.join_date, nowIso);
      }
      return this.get(id)!;
    });
  }

  private freshNumber(table: 'accounts' | 'cards', col: 'acct_num' | 'card_number', len: number): string {
    for (;;) {
      const n = `${1 + randomInt(9)}${digits(len - 1)}`;
      if (!this.db.prepare(`SELECT 1 FROM ${table} WHERE ${col} = ?`).get(n)) return n;
    }
  }
}

/** The demo customers (seeded once per database; the wallet pages list them). */
export const DEMO_CUSTOMERS: readonly NewCustomer[] = [
  {
    id: 'check-low',
    name: '이체크',
    accounts: [{ acct_num: '110222333444', alias: '생활비 통장', balance: 12_000 }],
    cards: [
      { card_number: '4570223344556677', card_name: '하나 체크카드', card_type_code: 2 },
      { card_number: '4570223344550000', card_name: '하나 신용카드 (정지)', card_type_code: 1, limit: 2_000_000, billing_day: 10, status: 'INACTIVE' },
    ],
  },
  {
    id: 'credit-near',
    name: '박한도',
    accounts: [{ acct_num: '220333444555', alias: '급여 통장', balance: 300_000 }],
    cards: [
      { card_number: '5310998877665544', card_name: '하나 1Q 신용카드', card_type_code: 1, limit: 1_000_000, used: 985_000, billing_day: 14 },
      { card_number: '5310998877660000', card_name: '하나 체크카드 (만료)', card_type_code: 2, validity_period: '01/24' },
    ],
  },
  {
    id: 'consent-expired',
    name: '최만료',
    info_consent_until: '2024-01-01T00:00:00.000Z',
    withdraw_consent_until: '2024-01-01T00:00:00.000Z',
    accounts: [{ acct_num: '330444555666', alias: '주거래', balance: 500_000 }],
    cards: [{ card_number: '4570334455667788', card_name: '하나 체크카드', card_type_code: 2 }],
  },
  {
    id: 'money-rich',
    name: '정머니',
    money_balance: 300_000,
    accounts: [{ acct_num: '440555666777', alias: '용돈 통장', balance: 20_000 }],
  },
];

const DEMO_SEED_VERSION = '1';

/** Seeds the demo customers (and the original demo customer's credit card) once per database. */
export function seedDemoCustomers(sdb: SimDb, customers: Customers, nowIso: string): void {
  if (sdb.meta('demo_seed') === DEMO_SEED_VERSION) return;
  sdb.tx(() => {
    if (sdb.meta('demo_seed') === DEMO_SEED_VERSION) return;
    for (const c of DEMO_CUSTOMERS) if (!customers.get(c.id!)) customers.create(c, nowIso);
    const demo = customers.get('demo');
    const acct = demo && customers.primaryAccount('demo');
    if (acct && customers.cards('demo').length === 0 && !sdb.db.prepare("SELECT 1 FROM cards WHERE card_number = '9410123456781234'").get()) {
      sdb.db
        .prepare(
          `INSERT INTO cards (customer_id, card_number, card_name, card_type_code, org_code, account_id, credit_limit, used_amount, billing_day, validity_period, status, join_date, created_at)
           VALUES ('demo', '9410123456781234', '하나 원큐 신용카드', 1, '081', ?, 3000000, 420000, 25, '12/29', 'ACTIVE', '2021-03-02', ?)`,
        )
        .run(acct.id, nowIso);
    }
    sdb.setMeta('demo_seed', DEMO_SEED_VERSION);
  });
}
