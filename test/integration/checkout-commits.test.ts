/**
 * Issue 15: how many durable commits (WAL commit frames, each one fsync under synchronous=FULL) a QR
 * sale costs on the terminal's ledger, counted in the WAL file itself — not by the code under test.
 * The intent is still committed before each network call: created + ready_requested in one commit
 * before ready, ready + approve_requested in one commit before approve, then approved.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { MethodName, Payment, RpcResult } from '../../shared/contract';
import { createCore, type Core } from '../../electron/core/core';
import { LEDGER_FILE } from '../../electron/core/db/open-ledger';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

const registration = { businessNo: '220-81-62517', name: '하나카페 을지로점', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35 1층', postNo: '04523' };
let dir: string;
let core: Core;

async function ok<T>(method: MethodName, input: unknown = {}): Promise<T> {
  const r = (await core.router.call(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code}`);
  return r.value;
}

/** Commit frames in the WAL (frame header bytes 4–7: database size after a commit, 0 otherwise), with the header's salt. */
function walCommits(): number {
  const wal = readFileSync(join(dir, `${LEDGER_FILE}-wal`));
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  const salt = wal.readBigUInt64BE(16);
  let n = 0;
  for (let off = 32; off + 24 + pageSize <= wal.length; off += 24 + pageSize) {
    if (wal.readBigUInt64BE(off + 8) !== salt) break; // a frame left over from before the last restart
    if (wal.readUInt32BE(off + 4) !== 0) n++;
  }
  return n;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'commits-'));
  core = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50] });
  await ok('registerStore', registration);
  await ensureDrawerOpen(core);
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

it('a QR sale costs 3 ledger commits, every state still in the history', async () => {
  const counts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { qrText } = await ok<{ qrText: string }>('issueDemoQr');
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(walCommits()).toBe(0);
    const p = await ok<Payment>('checkout', { items: [{ name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false }], qrText });
    counts.push(walCommits());
    expect(p.status).toBe('approved');
    expect(core.db.prepare('SELECT status FROM payment_events WHERE payment_id = ? ORDER BY id').all(p.id).map((r) => (r as { status: string }).status)).toEqual(['created', 'ready_requested', 'ready', 'approve_requested', 'approved']);
  }
  console.log(`ledger commits per QR sale: ${counts.join(', ')}`);
  expect(counts).toEqual([3, 3, 3]);
});
