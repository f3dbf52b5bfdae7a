/**
 * The history query over a real ledger: Seoul day boundaries (00:00 KST = 15:00 UTC), every state
 * filter against the one definition of a state, methods, amounts, tid / order id search, and keyset
 * pages that stay stable while new payments arrive.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_STATES, HISTORY_TOTAL_CAP, type HistoryRow, type HistoryState } from '../../shared/contract';
import { historyRowOf } from '../../shared/domain/ledger/history-state';
import { call, openTestLedger, type Ledger } from './ledger-fixture';

let l: Ledger;
afterEach(() => l?.close());

const ids = (rows: readonly HistoryRow[]) => rows.map((r) => r.id);

/** Every page of a search, following nextCursor. */
async function allPages(input: Record<string, unknown>, limit = 50): Promise<HistoryRow[][]> {
  const pages: HistoryRow[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await call(l, 'searchPayments', { ...input, limit, ...(cursor ? { cursor } : {}) });
    pages.push(page.rows);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
}

describe('history: filters', () => {
  it('a Seoul day runs from 00:00 KST (15:00 UTC the day before) to the next 00:00', async () => {
    l = openTestLedger();
    const late = l.sale({ at: '2026-11-22 23:59:59' }); // 14:59:59Z
    const midnight = l.sale({ at: '2026-11-23 00:00:00' }); // 15:00:00Z
    const early = l.sale({ at: '2026-11-22 00:00:00' }); // 2026-11-21T15:00:00Z
    const before = l.sale({ at: '2026-11-21 23:59:59' });
    expect(midnight.createdAt).toBe('2026-11-22T15:00:00.000Z');
    const day22 = await call(l, 'searchPayments', { from: '2026-11-22', to: '2026-11-22' });
    expect(ids(day22.rows)).toEqual([late.id, early.id]);
    expect(await call(l, 'countPayments', { from: '2026-11-22', to: '2026-11-22' })).toEqual({ total: 2, capped: false });
    expect(ids((await call(l, 'searchPayments', { from: '2026-11-23', to: '2026-11-23' })).rows)).toEqual([midnight.id]);
    expect(ids((await call(l, 'searchPayments', { to: '2026-11-21' })).rows)).toEqual([before.id]);
    expect(ids((await call(l, 'searchPayments', { from: '2026-11-21', to: '2026-11-23' })).rows)).toEqual([midnight.id, late.id, early.id, before.id]);
  });

  it('every state filter returns exactly the payments whose state it is (SQL = historyState)', async () => {
    l = openTestLedger();
    const made = {
      approved: l.sale({ at: '2026-11-22 10:00:00' }),
      partial: l.sale({ at: '2026-11-22 10:01:00', amount: 10_000 }),
      full: l.sale({ at: '2026-11-22 10:02:00', amount: 3000 }),
      partialTwice: l.sale({ at: '2026-11-22 10:03:00', amount: 9000 }),
      refundFailed: l.sale({ at: '2026-11-22 10:04:00', amount: 5000 }),
      refundUnknown: l.sale({ at: '2026-11-22 10:05:00', amount: 5000 }),
      refundRunning: l.sale({ at: '2026-11-22 10:06:00', amount: 5000 }),
      failed: l.sale({ at: '2026-11-22 10:07:00', status: 'failed' }),
      unknown: l.sale({ at: '2026-11-22 10:08:00', status: 'unknown' }),
      ready: l.sale({ at: '2026-11-22 10:09:00', status: 'ready' }),
      created: l.sale({ at: '2026-11-22 10:10:00', status: 'created' }),
    };
    l.refund(made.partial.id, { at: '2026-11-22 11:00:00', amount: 4000 });
    l.refund(made.full.id, { at: '2026-11-22 11:01:00', amount: 3000 });
    l.refund(made.partialTwice.id, { at: '2026-11-22 11:02:00', amount: 3000 });
    l.refund(made.partialTwice.id, { at: '2026-11-22 11:03:00', amount: 6000 }); // now full
    l.refund(made.refundFailed.id, { at: '2026-11-22 11:04:00', amount: 5000, status: 'failed' });
    l.refund(made.refundUnknown.id, { at: '2026-11-22 11:05:00', amount: 1000, status: 'unknown' });
    l.refund(made.refundRunning.id, { at: '2026-11-22 11:06:00', amount: 1000, status: 'cancel_requested' });

    const expected = new Map<HistoryState, number[]>(HISTORY_STATES.map((s) => [s, []]));
    for (const p of Object.values(made)) {
      const row = historyRowOf(l.repo.get(p.id)!);
      expected.get(row.state)!.push(p.id);
    }
    expect(expected.get('approved')!.sort()).toEqual([made.approved.id, made.refundFailed.id].sort());
    expect(expected.get('refunded_partial')).toEqual([made.partial.id]);
    expect(expected.get('refunded_full')!.sort()).toEqual([made.full.id, made.partialTwice.id].sort());
    expect(expected.get('unknown')!.sort()).toEqual([made.unknown.id, made.refundUnknown.id].sort());
    expect(expected.get('in_progress')!.sort()).toEqual([made.ready.id, made.created.id, made.refundRunning.id].sort());
    for (const state of HISTORY_STATES) {
      const page = await call(l, 'searchPayments', { states: [state] });
      expect(ids(page.rows).sort(), state).toEqual(expected.get(state)!.sort());
      for (const r of page.rows) expect(r.state).toBe(state);
      expect((await call(l, 'countPayments', { states: [state] })).total, state).toBe(expected.get(state)!.length);
    }
    const two = await call(l, 'searchPayments', { states: ['failed', 'refunded_full'] });
    expect(ids(two.rows).sort()).toEqual([made.failed.id, made.full.id, made.partialTwice.id].sort());
    // Rows carry what the list shows.
    const partialRow = (await call(l, 'searchPayments', { query: made.partial.tid! })).rows[0]!;
    expect(partialRow).toMatchObject({ state: 'refunded_partial', amount: 10_000, refundedAmount: 4000, methodType: '계좌', tid: made.partial.tid });
    expect((await call(l, 'searchPayments', { states: ['failed'] })).rows[0]).toMatchObject({ errorCode: 'INSUFFICIENT_BALANCE', tid: made.failed.tid });
  });

  it('method, amount range and search by tid or order id (whole or its beginning), combined', async () => {
    l = openTestLedger();
    const a = l.sale({ at: '2026-11-22 09:00:00', amount: 4500, method: '계좌', tid: '1000000123' });
    const b = l.sale({ at: '2026-11-22 09:10:00', amount: 12_000, method: 'MONEY', tid: '1000000456' });
    const c = l.sale({ at: '2026-11-22 09:20:00', amount: 30_000, method: 'CARD', tid: 'T1234567890123456789' });
    const d = l.sale({ at: '2026-11-22 09:30:00', amount: 800, method: '계좌', tid: '2000000001' });
    expect(ids((await call(l, 'searchPayments', { methods: ['계좌'] })).rows)).toEqual([d.id, a.id]);
    expect(ids((await call(l, 'searchPayments', { methods: ['MONEY', 'CARD'] })).rows)).toEqual([c.id, b.id]);
    expect(ids((await call(l, 'searchPayments', { minAmount: 4500, maxAmount: 12_000 })).rows)).toEqual([b.id, a.id]);
    expect(ids((await call(l, 'searchPayments', { methods: ['계좌'], minAmount: 1000 })).rows)).toEqual([a.id]);
    expect(ids((await call(l, 'searchPayments', { query: '1000000456' })).rows)).toEqual([b.id]);
    expect(ids((await call(l, 'searchPayments', { query: '1000000' })).rows)).toEqual([b.id, a.id]);
    expect(ids((await call(l, 'searchPayments', { query: 't12345' })).rows)).toEqual([c.id]); // case does not matter
    expect(ids((await call(l, 'searchPayments', { query: d.orderId })).rows)).toEqual([d.id]);
    expect(ids((await call(l, 'searchPayments', { query: '999' })).rows)).toEqual([]);
    expect(ids((await call(l, 'searchPayments', { query: '1000000', methods: ['MONEY'] })).rows)).toEqual([b.id]);
    expect(await call(l, 'listPaymentMethods', {})).toEqual(['CARD', 'MONEY', '계좌']);
  });

  it('refuses filters that make no sense, before any SQL', async () => {
    l = openTestLedger();
    const bad = [
      { from: '2026-11-23', to: '2026-11-22' },
      { from: '2026-02-30' },
      { minAmount: 5000, maxAmount: 100 },
      { minAmount: -1 },
      { query: "1' OR 1=1 --" },
      { query: '10%' },
      { states: ['refunded'] },
      { cursor: 'not-a-cursor' },
      { limit: 0 },
      { limit: 1000 },
      { extra: true },
    ];
    for (const input of bad) await expect(call(l, 'searchPayments', input), JSON.stringify(input)).rejects.toThrow();
  });
});

describe('history: keyset pages', () => {
  it('newest first, 50 a page, every payment exactly once, ties on the same millisecond kept in id order', async () => {
    l = openTestLedger();
    const made: number[] = [];
    for (let i = 0; i < 130; i++) {
      // three payments per second, some in the same millisecond
      l.at(`2026-11-22T0${Math.floor(i / 60) + 1}:${String(i % 60).padStart(2, '0')}:00.000Z`);
      const tie = i % 3 === 0;
      made.push(l.sale({ at: tie ? `2026-11-22T05:00:00.000Z` : `2026-11-22T0${Math.floor(i / 60) + 1}:${String(i % 60).padStart(2, '0')}:00.000Z` }).id);
    }
    const pages = await allPages({ from: '2026-11-22', to: '2026-11-22' });
    expect(pages.map((p) => p.length)).toEqual([50, 50, 30]);
    const flat = pages.flat();
    expect(new Set(ids(flat)).size).toBe(130);
    const sorted = [...flat].sort((x, y) => (x.createdAt === y.createdAt ? y.id - x.id : x.createdAt < y.createdAt ? 1 : -1));
    expect(ids(flat)).toEqual(ids(sorted));
    expect(await call(l, 'countPayments', { from: '2026-11-22', to: '2026-11-22' })).toEqual({ total: 130, capped: false });
    // the same pages through each index a page may walk
    for (const states of [['refunded_full'], ['failed'], ['unknown'], ['approved', 'failed']] as const) {
      const p = await allPages({ states }, 7);
      expect(p.flat().length).toBe((await call(l, 'countPayments', { states })).total);
    }
  });

  it('pages do not shift when new payments arrive between them', async () => {
    l = openTestLedger();
    for (let i = 0; i < 120; i++) l.sale({ at: `2026-11-22 10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}` });
    const p1 = await call(l, 'searchPayments', {});
    for (let i = 0; i < 10; i++) l.sale({ at: `2026-11-22 12:00:${String(i).padStart(2, '0')}` }); // newer
    const p2 = await call(l, 'searchPayments', { cursor: p1.nextCursor });
    const p3 = await call(l, 'searchPayments', { cursor: p2.nextCursor });
    expect(p3.nextCursor).toBeNull();
    const seen = [...p1.rows, ...p2.rows, ...p3.rows];
    expect(seen).toHaveLength(120);
    expect(new Set(ids(seen)).size).toBe(120);
    expect(Math.max(...ids(p2.rows))).toBeLessThan(Math.min(...ids(p1.rows)));
  });

  it(`counts apart from the pages, up to ${HISTORY_TOTAL_CAP}`, async () => {
    l = openTestLedger();
    const stmt = l.db.prepare(
      `INSERT INTO payments (order_id, cid, status, amount, vat, supply, item_name, quantity, items_json, qr_masked, created_at, updated_at) VALUES (?, 'C', 'failed', 1000, 91, 909, 'x', 1, '[]', '', ?, ?)`,
    );
    l.db.transaction(() => {
      for (let i = 0; i < HISTORY_TOTAL_CAP + 5; i++) stmt.run(`O${i}`, '2026-11-22T01:00:00.000Z', '2026-11-22T01:00:00.000Z');
    })();
    expect(await call(l, 'countPayments', {})).toEqual({ total: HISTORY_TOTAL_CAP, capped: true });
    expect(await call(l, 'countPayments', { states: ['failed'], minAmount: 1000, maxAmount: 1000 })).toEqual({ total: HISTORY_TOTAL_CAP, capped: true });
    expect(await call(l, 'countPayments', { states: ['approved'] })).toEqual({ total: 0, capped: false });
    const first = await call(l, 'searchPayments', {});
    expect(first.rows).toHaveLength(50);
    const next = await call(l, 'searchPayments', { cursor: first.nextCursor });
    expect(Math.max(...ids(next.rows))).toBeLessThan(Math.min(...ids(first.rows)));
  });
});

describe('history: every plan gives the same answer as filtering by hand', () => {
  it('states × methods × amounts × days, in pages of 7, against historyRowOf over all payments', async () => {
    l = openTestLedger();
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const methods = ['계좌', 'MONEY', 'CARD'];
    const statuses = ['approved', 'approved', 'approved', 'failed', 'unknown', 'ready'] as const;
    for (let i = 0; i < 160; i++) {
      const day = 20 + Math.floor(rnd() * 4);
      const at = `2026-11-${day} ${String(8 + Math.floor(rnd() * 14)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:00`;
      const p = l.sale({ at, amount: 1000 * (1 + Math.floor(rnd() * 20)), status: statuses[Math.floor(rnd() * statuses.length)]!, method: methods[Math.floor(rnd() * 3)]! });
      if (p.status === 'approved' && rnd() < 0.35) {
        const part = rnd() < 0.5;
        const r = rnd();
        l.refund(p.id, { at, amount: part ? Math.max(1, Math.floor(p.amount / 2)) : p.amount, status: r < 0.8 ? 'cancelled' : r < 0.9 ? 'unknown' : 'cancel_requested' });
      }
    }
    const all = (l.db.prepare('SELECT id FROM payments').all() as { id: number }[]).map((r) => historyRowOf(l.repo.get(r.id)!));
    const newest = [...all].sort((a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1));
    const filters: Record<string, unknown>[] = [
      {},
      { states: ['approved', 'failed'] },
      { states: ['unknown', 'in_progress', 'refunded_partial'] },
      { methods: ['MONEY'] },
      { methods: ['MONEY', 'CARD'], states: ['approved', 'refunded_full', 'unknown'] },
      { methods: ['계좌'], states: ['refunded_partial'], from: '2026-11-21', to: '2026-11-22' },
      { minAmount: 5000, maxAmount: 12_000, states: ['approved'] },
      { from: '2026-11-22', methods: ['CARD', '계좌'], minAmount: 3000 },
      { states: HISTORY_STATES.filter((x) => x !== 'failed'), methods: ['계좌', 'MONEY', 'CARD'] }, // 15 parts
      { states: [...HISTORY_STATES], methods: ['계좌', 'MONEY', 'CARD'] }, // 18 parts: one walk
    ];
    for (const f of filters) {
      const want = newest.filter((r) => {
        const ff = f as { states?: string[]; methods?: string[]; minAmount?: number; maxAmount?: number; from?: string; to?: string };
        if (ff.states && !ff.states.includes(r.state)) return false;
        if (ff.methods && !ff.methods.includes(r.methodType ?? '')) return false;
        if (ff.minAmount !== undefined && r.amount < ff.minAmount) return false;
        if (ff.maxAmount !== undefined && r.amount > ff.maxAmount) return false;
        const day = new Date(Date.parse(r.createdAt) + 9 * 3600_000).toISOString().slice(0, 10);
        if (ff.from && day < ff.from) return false;
        if (ff.to && day > ff.to) return false;
        return true;
      });
      const got = (await allPages(f, 7)).flat();
      expect(ids(got), JSON.stringify(f)).toEqual(ids(want));
      expect(got, JSON.stringify(f)).toEqual(want);
      expect((await call(l, 'countPayments', f)).total, JSON.stringify(f)).toBe(want.length);
    }
  });
});

describe('payment detail', () => {
  it('payment, state history with the refund.* entries, receipts', async () => {
    l = openTestLedger();
    const p = l.sale({ at: '2026-11-22 10:00:00', amount: 9000 });
    const r = l.refund(p.id, { at: '2026-11-22 10:30:00', amount: 3000 });
    l.printer.queue.enqueue({ printer: 'none', paymentId: p.id, kind: 'sale', copy: 'original', input: l.printer.inputFor(p.id) });
    const d = await call(l, 'getPaymentDetail', { id: p.id });
    expect(d.payment).toMatchObject({ id: p.id, refundedAmount: 3000, refundableAmount: 6000 });
    expect(d.events.map((e) => e.status)).toEqual(['created', 'ready_requested', 'ready', 'approve_requested', 'approved', 'refund.created', 'refund.cancel_requested', 'refund.cancelled']);
    expect(d.events.at(-1)).toMatchObject({ at: '2026-11-22T01:30:00.000Z', detail: `refund #${r.id}` });
    expect(d.printJobs).toHaveLength(1);
    expect(d.printJobs[0]).toMatchObject({ kind: 'sale', status: 'queued', settlementDay: null });
    await expect(call(l, 'getPaymentDetail', { id: 9999 })).rejects.toThrow(/PAYMENT_NOT_FOUND/);
  });
});
