/**
 * Ledger loss at the terminal: the -wal file deleted after a crash, the ledger truncated, the ledger
 * deleted. Each is detected at start (the core refuses to start as new and says how to restore), and
 * restored from the head office (rebuilt from this terminal's events) and from the newest backup
 * (plus the head office's newer events), with every approved sale back; after a rebuild, history,
 * refunds and settlement work.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { LEDGER_FILE } from '../../electron/core/db/open-ledger';
import { LedgerLossError, lossMessage } from '../../electron/core/sync/ledger-check';
import type { RestoreSource } from '../../electron/core/sync/restore';
import { startupFailureMessage } from '../../electron/core/startup-error';
import { buildHeadOffice } from '../../headoffice/server/app';
import { createEnrollmentCode, createStore } from '../../headoffice/server/enrollment';
import type { Payment, RpcResult, Settlement } from '../../shared/contract';
import type { SyncStatus } from '../../shared/contract-sync';
import { seoulDay } from '../../shared/domain/time';
import { startTestDb, type TestDb } from './headoffice/pg-harness';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

const SYNC = { idleMs: 30, backoffMs: [30, 60], backupEveryMs: 3_600_000 };
let db: TestDb;
let app: FastifyInstance;
let url: string;
const dirs: string[] = [];
let source: string; // the terminal's data folder while it ran (kept open: a crash image is copied from it)
let crashImage: string; // a copy taken while the core was running (its -wal holds the recent commits)
let backupDir: string;
let approved: { id: number; orderId: string; amount: number }[];
let net: number;

async function ok<T>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const r = (await core.router.call(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}
async function sell(core: Core, amount: number): Promise<Payment> {
  const qr = await ok<{ qrText: string }>(core, 'issueDemoQr');
  return ok<Payment>(core, 'checkout', { items: [{ name: '아메리카노', unitPrice: amount, quantity: 1, taxFree: false }], qrText: qr.qrText });
}
const approvedOf = (c: Core) => c.db.prepare("SELECT id, order_id AS orderId, amount FROM payments WHERE status = 'approved' ORDER BY id").all() as typeof approved;
const tmp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  dirs.push(d);
  return d;
};

beforeAll(async () => {
  db = await startTestDb();
  app = await buildHeadOffice({ pool: db.pool });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  source = tmp('loss-src-');
  backupDir = tmp('loss-backups-');
  const core = await createCore({ dataDir: source, shell: 'web', version: 'test', lookupDelaysMs: [50], sync: SYNC, backupDir });
  try {
    await ensureDrawerOpen(core);
    await ok(core, 'registerStore', { businessNo: '220-81-62517', name: '복구 매장', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35', postNo: '04523' });
    const store = await createStore(db.pool, '복구 매장');
    const { code } = await createEnrollmentCode(db.pool, store.id);
    await ok(core, 'enrollHeadOffice', { url, code, name: 'POS 1' });
    for (let i = 0; i < 4; i++) await sell(core, 1000 + i * 500);
    const p = await sell(core, 8000);
    await ok(core, 'refundPayment', { paymentId: p.id, amount: 3000 });
    expect(await core.sync.backups.backupNow(true)).toBeTruthy();
    await sell(core, 4200); // after the backup: only the head office has it
    expect((await ok<SyncStatus>(core, 'flushSync', { timeoutMs: 10_000 })).pending).toBe(0);
    approved = approvedOf(core);
    expect(approved).toHaveLength(6);
    net = (await ok<Settlement>(core, 'getSettlement', { day: seoulDay(new Date()) })).report.net.amount;
    // crash image: the files as they are while the core runs (the commits are in -wal, not yet checkpointed)
    crashImage = tmp('loss-crash-');
    cpSync(source, crashImage, { recursive: true });
    expect(existsSync(join(crashImage, `${LEDGER_FILE}-wal`))).toBe(true);
  } finally {
    await core.close();
  }
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 60_000);

type Damage = 'delete -wal' | 'truncate' | 'delete';
function damaged(kind: Damage): string {
  const d = tmp('loss-case-');
  if (kind === 'delete -wal') {
    cpSync(crashImage, d, { recursive: true });
    rmSync(join(d, `${LEDGER_FILE}-wal`));
    rmSync(join(d, `${LEDGER_FILE}-shm`), { force: true });
  } else {
    cpSync(source, d, { recursive: true });
    const f = join(d, LEDGER_FILE);
    if (kind === 'truncate') truncateSync(f, Math.floor(statSync(f).size / 2));
    else for (const s of ['', '-wal', '-shm']) rmSync(f + s, { force: true });
  }
  return d;
}

const expected: Record<Damage, string> = { 'delete -wal': 'behind', truncate: 'truncated', delete: 'missing' };

describe('ledger loss is detected and restored', () => {
  for (const kind of ['delete -wal', 'truncate', 'delete'] as const) {
    for (const from of ['headoffice', 'backup'] as const) {
      it(`${kind}: refused as ${expected[kind]}, restored from the ${from} with every approved sale`, { timeout: 60_000 }, async () => {
        const dir = damaged(kind);
        const err = await createCore({ dataDir: dir, shell: 'web', version: 'test', sync: { ...SYNC, disabled: true }, backupDir }).then(
          async (c) => {
            await c.close();
            return null;
          },
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(LedgerLossError);
        const check = (err as LedgerLossError).check;
        expect(check.problem).toBe(expected[kind]);
        expect(check.canRestoreFromHeadOffice).toBe(true);
        expect(check.backup).not.toBeNull();
        const msg = startupFailureMessage(err, dir);
        expect(msg).toBe(lossMessage(check, dir));
        expect(msg).toContain('새 단말기로 시작하지 않습니다');
        expect(msg).toContain('--restore-from headoffice');
        expect(msg).toContain('--restore-from backup');

        const restoreFrom: RestoreSource = from;
        // every case is a copy of the same terminal: its pusher stays off so one case's refund does not reach the next case's restore
        const core = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50], sync: { ...SYNC, disabled: true }, backupDir, restoreFrom });
        try {
          expect(approvedOf(core)).toEqual(approved);
          const day = seoulDay(new Date());
          expect((await ok<Settlement>(core, 'getSettlement', { day })).report.net.amount).toBe(net);
          const page = await ok<{ rows: unknown[] }>(core, 'searchPayments', { limit: 50 });
          expect(page.rows).toHaveLength(approved.length);
          // nothing is waiting after a restore; a restored sale can be refunded, and the refund waits to go up like any fact
          expect((await ok<SyncStatus>(core, 'getSyncStatus')).pending).toBe(0);
          const p = await ok<Payment>(core, 'refundPayment', { paymentId: approved[0]!.id, amount: approved[0]!.amount });
          expect(p.refundedAmount).toBe(approved[0]!.amount);
          expect((await ok<SyncStatus>(core, 'getSyncStatus')).pending).toBeGreaterThanOrEqual(2);
        } finally {
          await core.close();
        }
      });
    }
  }
});
