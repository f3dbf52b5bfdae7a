/**
 * A terminal enrolled in a head office that cannot be reached: sales go on (nothing waits for the
 * pusher), the status says offline with the number waiting, day close tries to send first and then
 * shows what is unsent, and the settlement report prints 본사 미전송.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { readIdentity, writeIdentity } from '../../electron/core/sync/identity';
import type { Payment, ReceiptPreviewView as ReceiptPreview, RpcResult, Settlement } from '../../shared/contract';
import type { SyncStatus } from '../../shared/contract-sync';
import { seoulDay } from '../../shared/domain/time';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

let dir: string;
let core: Core;

async function ok<T>(method: string, input: unknown = {}): Promise<T> {
  const r = (await core.router.call(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}
/** A loopback port nobody listens on (connections refused). */
async function deadPort(): Promise<number> {
  return new Promise((r) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => r(p));
    });
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ho-offline-'));
  core = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50], sync: { idleMs: 30, backoffMs: [30, 60] } });
  await ensureDrawerOpen(core);
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

it('sells while the head office is unreachable; day close and the printed report say 본사 미전송', async () => {
  await ok('registerStore', { businessNo: '220-81-62517', name: '오프라인 매장', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35', postNo: '04523' });
  // enrolled earlier in a head office that is now down (the enrollment itself is tested against a real one)
  const id = readIdentity(dir)!;
  writeIdentity(dir, { ...id, headOffice: { url: `http://127.0.0.1:${await deadPort()}`, storeId: 'S1', storeName: '본점', enrolledAt: new Date().toISOString() } });
  await core.secrets.set('headoffice.key', 'tk_test');

  for (let i = 0; i < 3; i++) {
    const qr = await ok<{ qrText: string }>('issueDemoQr');
    const p = await ok<Payment>('checkout', { items: [{ name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false }], qrText: qr.qrText });
    expect(p.status).toBe('approved');
  }
  const st = await ok<SyncStatus>('flushSync', { timeoutMs: 300 });
  expect(st.state).toBe('offline');
  expect(st.offlineSince).not.toBeNull();
  expect(st.pending).toBeGreaterThanOrEqual(3 * 4 + 1);

  const day = seoulDay(new Date());
  const closed = await ok<Settlement>('closeDay', { day, acknowledgeWarnings: true });
  expect(closed.report.headOfficeUnsent).toBeGreaterThanOrEqual(st.pending);
  const preview = await ok<ReceiptPreview>('getSettlementPreview', { day });
  expect(preview.text.join('\n')).toMatch(/본사 미전송\s+\d+건/);
});
