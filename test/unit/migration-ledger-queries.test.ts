/** Migration 6 (ledger queries) on a ledger of version 3 that already has payments, cancels and print jobs, migrated to the latest. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../electron/core/db/migrations';

describe('migration 6 (ledger queries, closed days)', () => {
  it('keeps print jobs, backfills refunded_amount, then keeps it by trigger', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 3));
    const at = '2026-11-22T01:00:00.000Z';
    db.prepare(
      `INSERT INTO payments (id, order_id, cid, status, amount, vat, supply, item_name, quantity, items_json, qr_masked, created_at, updated_at) VALUES (1, 'O1', 'C', 'approved', 9000, 818, 8182, 'x', 1, '[]', '', ?, ?)`,
    ).run(at, at);
    db.prepare(`INSERT INTO refunds (id, payment_id, request_id, status, amount, created_at, updated_at) VALUES (1, 1, 'O1-C1', 'cancelled', 3000, ?, ?), (2, 1, 'O1-C2', 'failed', 1000, ?, ?)`).run(at, at, at, at);
    db.prepare(`INSERT INTO print_jobs (id, printer, payment_id, kind, copy, input_json, status, created_at, updated_at, refund_id) VALUES (7, 'tcp:x', 1, 'cancel', 'original', '{}', 'printed', ?, ?, 1)`).run(at, at);

    expect(migrate(db)).toEqual({ from: 3, to: MIGRATIONS.length });
    expect(db.prepare('SELECT refunded_amount FROM payments WHERE id = 1').get()).toEqual({ refunded_amount: 3000 });
    expect(db.prepare('SELECT id, kind, refund_id, settlement_day, status FROM print_jobs').all()).toEqual([{ id: 7, kind: 'cancel', refund_id: 1, settlement_day: null, status: 'printed' }]);
    // the one-original rule survived the rebuild
    expect(() => db.prepare(`INSERT INTO print_jobs (printer, payment_id, kind, copy, input_json, status, created_at, updated_at, refund_id) VALUES ('p', 1, 'cancel', 'original', '{}', 'queued', ?, ?, 1)`).run(at, at)).toThrow(/UNIQUE/);
    // a settlement job needs its day, and only it has one
    expect(() => db.prepare(`INSERT INTO print_jobs (printer, kind, copy, input_json, status, created_at, updated_at) VALUES ('p', 'settlement', 'original', '{}', 'queued', ?, ?)`).run(at, at)).toThrow(/CHECK/);
    db.prepare(`INSERT INTO print_jobs (printer, kind, copy, input_json, status, created_at, updated_at, settlement_day) VALUES ('p', 'settlement', 'original', '{}', 'queued', ?, ?, '2026-11-22')`).run(at, at);

    db.prepare(`INSERT INTO refunds (id, payment_id, request_id, status, amount, created_at, updated_at) VALUES (3, 1, 'O1-C3', 'created', 2000, ?, ?)`).run(at, at);
    expect(db.prepare('SELECT refunded_amount FROM payments WHERE id = 1').get()).toEqual({ refunded_amount: 3000 });
    db.prepare(`UPDATE refunds SET status = 'cancelled' WHERE id = 3`).run();
    expect(db.prepare('SELECT refunded_amount FROM payments WHERE id = 1').get()).toEqual({ refunded_amount: 5000 });
    db.prepare(`INSERT INTO refunds (id, payment_id, request_id, status, amount, created_at, updated_at) VALUES (4, 1, 'O1-C4', 'cancelled', 4000, ?, ?)`).run(at, at);
    expect(db.prepare('SELECT refunded_amount FROM payments WHERE id = 1').get()).toEqual({ refunded_amount: 9000 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
