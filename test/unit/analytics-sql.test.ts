/**
 * Sales analytics SQL over a small hand-made ledger (in memory, the real migrations and repos):
 * sales on both sides of Seoul midnight and of the period's ends, a Seoul day whose UTC date is the day
 * before, confirmed and failed cancels, a failed and an unknown payment, a category change. Every figure
 * below is computed by hand.
 */
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyticsInputSchema, type Analytics, type StoreProfile } from '../../shared/contract';
import { MIGRATIONS, migrate } from '../../electron/core/db/migrations';
import { AnalyticsService } from '../../electron/core/services/analytics/analytics-service';
import { PaymentRepo } from '../../electron/core/services/payment/payment-repo';
import { StoreRepo } from '../../electron/core/services/store/store-repo';

const STORE: StoreProfile = {
  businessNo: '2208162517',
  name: '하나카페',
  representative: '',
  phone: '02-1234-5678',
  address1: '서울특별시 중구',
  address2: '을지로 35',
  postNo: '',
  cid: 'CID0000001',
  categoryCd: 7,
  createdAt: '2024.01.01 09:00:00',
  approvedAt: '2024.01.01 09:00:00',
  registeredAt: '2024-01-01T00:00:00.000Z',
};

let db: Database.Database;
let clock: Date;
let repo: PaymentRepo;
let service: AnalyticsService;
let seq = 0;

function totals(amount: number) {
  return { total: amount, taxFree: 0, taxable: amount, vat: Math.round(amount / 11), supply: amount - Math.round(amount / 11), itemName: '상품', quantity: 1 };
}

/** A payment created and finished at the UTC instant `iso`. */
function sale(iso: string, amount: number, status: 'approved' | 'failed' | 'unknown', methodType = '계좌'): number {
  clock = new Date(iso);
  const p = repo.create({ orderId: `O${++seq}`, cid: STORE.cid, totals: totals(amount), items: [{ name: '상품', unitPrice: amount, quantity: 1, taxFree: false }], qrMasked: 'ONEQ1.****' });
  // the declared path (transitions.ts): the intent, the ready, the approve sent, then the outcome
  repo.transition(p.id, 'ready_requested');
  repo.transition(p.id, 'ready', { tid: `T${seq}` });
  repo.transition(p.id, 'approve_requested');
  if (status === 'approved') repo.transition(p.id, 'approved', { methodType, approvedAt: iso });
  else if (status === 'failed') repo.transition(p.id, 'failed', { error: { code: 'INSUFFICIENT_BALANCE' } });
  else repo.transition(p.id, 'unknown', { error: { code: 'BACKEND_UNKNOWN' } });
  return p.id;
}

function refund(paymentId: number, amount: number, status: 'cancelled' | 'failed' | 'unknown', iso: string): void {
  clock = new Date(iso);
  const r = repo.refunds.create({ paymentId, requestId: `R${++seq}`, amount, taxFree: 0 });
  repo.refunds.transition(r.id, 'cancel_requested');
  repo.refunds.transition(r.id, status, status === 'cancelled' ? { cancelledAt: iso, vat: Math.round(amount / 11) } : {});
}

const get = (from: string, to: string): Analytics => service.get(analyticsInputSchema.parse({ from, to }));
const nonEmpty = <T extends { count: number }>(xs: T[]) => xs.filter((x) => x.count > 0);

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  clock = new Date('2024-01-01T00:00:00Z');
  repo = new PaymentRepo(db, () => clock);
  service = new AnalyticsService(db);
  const stores = new StoreRepo(db);
  stores.save(STORE);

  // Outside the period (2024-01-01 … 2024-01-07, Seoul): the last second of 2023-12-31 and 2024-01-08 00:00 in Seoul.
  sale('2023-12-31T14:59:59.999Z', 1_000, 'approved');
  sale('2024-01-07T15:00:00.000Z', 2_000, 'approved');
  // A: Mon 2024-01-01 23:59:59.999 Seoul (hour 23), 계좌, 10,000.
  sale('2024-01-01T14:59:59.999Z', 10_000, 'approved', '계좌');
  // B: Tue 2024-01-02 00:00:00.000 Seoul (hour 0) — still Monday in UTC; MONEY 20,000, 5,000 cancelled, a 3,000 cancel failed, 1,000 unknown.
  const b = sale('2024-01-01T15:00:00.000Z', 20_000, 'approved', 'MONEY');
  refund(b, 5_000, 'cancelled', '2024-01-03T01:00:00Z');
  refund(b, 3_000, 'failed', '2024-01-03T02:00:00Z');
  refund(b, 1_000, 'unknown', '2024-01-03T03:00:00Z');
  // Not sales: a declined and an unknown payment on Wed.
  sale('2024-01-03T03:00:00Z', 9_999, 'failed');
  sale('2024-01-03T04:00:00Z', 8_888, 'unknown');
  // C: Sun 2024-01-07 08:30 Seoul = Sat 23:30 UTC; CARD 7,000, all of it cancelled three days after the period.
  const c = sale('2024-01-06T23:30:00.000Z', 7_000, 'approved', 'CARD');
  refund(c, 7_000, 'cancelled', '2024-01-10T05:00:00Z');
  // D: Sun 2024-01-07 09:00 Seoul, after the store's category changed to 9; 계좌 4,500.
  stores.save({ ...STORE, categoryCd: 9 });
  sale('2024-01-07T00:00:00.000Z', 4_500, 'approved', '계좌');
});

describe('sales analytics SQL', () => {
  it('totals of the period: approved sales only, confirmed cancels subtracted', () => {
    expect(get('2024-01-01', '2024-01-07').totals).toEqual({ count: 4, gross: 41_500, refunded: 12_000, net: 29_500, refundCount: 2 });
  });

  it('by Seoul hour: 23:59:59.999 is hour 23, the next millisecond hour 0', () => {
    const a = get('2024-01-01', '2024-01-07');
    expect(a.byHour).toHaveLength(24);
    expect(a.byHour.map((h) => h.hour)).toEqual([...Array(24).keys()]);
    expect(nonEmpty(a.byHour)).toEqual([
      { hour: 0, count: 1, gross: 20_000, refunded: 5_000, net: 15_000 },
      { hour: 8, count: 1, gross: 7_000, refunded: 7_000, net: 0 },
      { hour: 9, count: 1, gross: 4_500, refunded: 0, net: 4_500 },
      { hour: 23, count: 1, gross: 10_000, refunded: 0, net: 10_000 },
    ]);
    expect(a.byHour[12]).toEqual({ hour: 12, count: 0, gross: 0, refunded: 0, net: 0 });
  });

  it('by Seoul weekday (0 = Sunday), right across the UTC date line', () => {
    const a = get('2024-01-01', '2024-01-07');
    expect(a.byWeekday.map((w) => w.weekday)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(nonEmpty(a.byWeekday)).toEqual([
      { weekday: 0, count: 2, gross: 11_500, refunded: 7_000, net: 4_500 }, // C (Saturday in UTC) and D
      { weekday: 1, count: 1, gross: 10_000, refunded: 0, net: 10_000 }, // A
      { weekday: 2, count: 1, gross: 20_000, refunded: 5_000, net: 15_000 }, // B (Monday in UTC)
    ]);
  });

  it('by payment method and by category code, net descending', () => {
    const a = get('2024-01-01', '2024-01-07');
    expect(a.byMethod).toEqual([
      { method: 'MONEY', count: 1, gross: 20_000, refunded: 5_000, net: 15_000 },
      { method: '계좌', count: 2, gross: 14_500, refunded: 0, net: 14_500 },
      { method: 'CARD', count: 1, gross: 7_000, refunded: 7_000, net: 0 },
    ]);
    expect(a.byCategory).toEqual([
      { categoryCd: 7, count: 3, gross: 37_000, refunded: 12_000, net: 25_000 },
      { categoryCd: 9, count: 1, gross: 4_500, refunded: 0, net: 4_500 },
    ]);
  });

  it('the ends of the period are Seoul days, both included', () => {
    expect(get('2024-01-02', '2024-01-02').totals).toEqual({ count: 1, gross: 20_000, refunded: 5_000, net: 15_000, refundCount: 1 });
    expect(get('2023-12-31', '2023-12-31').totals.gross).toBe(1_000);
    expect(get('2024-01-08', '2024-01-08').totals.gross).toBe(2_000);
    expect(get('2023-12-31', '2024-01-08').totals).toMatchObject({ count: 6, gross: 44_500, net: 32_500 });
  });

  it('an empty period has zero buckets, not missing ones', () => {
    const a = get('2025-06-01', '2025-06-30');
    expect(a.totals).toEqual({ count: 0, gross: 0, refunded: 0, net: 0, refundCount: 0 });
    expect(a.byHour).toHaveLength(24);
    expect(a.byWeekday).toHaveLength(7);
    expect(a.byMethod).toEqual([]);
    expect(a.byCategory).toEqual([]);
  });

  it('ranges over the sale-time index', () => {
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT COUNT(*) FROM payments p WHERE p.status = 'approved' AND COALESCE(p.approved_at, p.created_at) >= ? AND COALESCE(p.approved_at, p.created_at) < ?`)
      .all('a', 'b') as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' ')).toContain('payments_sale_at');
  });

  it('the contract refuses a reversed, impossible or over-long period', () => {
    expect(analyticsInputSchema.safeParse({ from: '2024-01-07', to: '2024-01-01' }).success).toBe(false);
    expect(analyticsInputSchema.safeParse({ from: '2024-02-30', to: '2024-03-01' }).success).toBe(false);
    expect(analyticsInputSchema.safeParse({ from: '2023-01-01', to: '2024-01-01' }).success).toBe(true); // 366 days
    expect(analyticsInputSchema.safeParse({ from: '2023-01-01', to: '2024-01-02' }).success).toBe(false);
    expect(analyticsInputSchema.safeParse({ from: '2024-01-01', to: '2024-01-01', extra: 1 }).success).toBe(false);
  });
});

describe('category code on payments (migration 4)', () => {
  it('is recorded at creation from the store profile', () => {
    const rows = db.prepare('SELECT order_id, category_cd FROM payments ORDER BY id').all() as { order_id: string; category_cd: number }[];
    expect(rows.at(-1)).toEqual({ order_id: `O${seq}`, category_cd: 9 });
    expect(rows[0]!.category_cd).toBe(7);
  });

  it("older payments get the store's category when the ledger is upgraded", () => {
    const old = new Database(':memory:');
    const at = MIGRATIONS.findIndex((m) => m.includes('payments_sale_at'));
    expect(at).toBeGreaterThan(0);
    migrate(old, MIGRATIONS.slice(0, at));
    // the store as that older app wrote it (today's StoreRepo also appends to the later event log)
    old
      .prepare(
        `INSERT INTO store_profile (id, business_no, name, representative, phone, address1, address2, post_no, cid, category_cd, created_at, approved_at, registered_at)
         VALUES (1, @businessNo, @name, @representative, @phone, @address1, @address2, @postNo, @cid, 5, @createdAt, @approvedAt, @registeredAt)`,
      )
      .run(STORE);
    old
      .prepare(
        `INSERT INTO payments (order_id, cid, status, amount, vat, supply, item_name, quantity, items_json, qr_masked, approved_at, created_at, updated_at)
         VALUES ('OLD1', 'CID0000001', 'approved', 1100, 100, 1000, '상품', 1, '[]', 'x', '2024-01-01T03:00:00.000Z', '2024-01-01T03:00:00.000Z', '2024-01-01T03:00:00.000Z')`,
      )
      .run();
    migrate(old);
    expect(old.prepare('SELECT category_cd FROM payments').get()).toEqual({ category_cd: 5 });
    expect(new AnalyticsService(old).get({ from: '2024-01-01', to: '2024-01-01' }).byCategory).toEqual([{ categoryCd: 5, count: 1, gross: 1100, refunded: 0, net: 1100 }]);
  });
});
