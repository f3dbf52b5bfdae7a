/**
 * Open Banking behaviour (seed 001) and fault injection, in both dialects, through the terminal's own
 * gateway clients — and through the terminal's payment service, which must settle every "unknown"
 * by looking it up (never charging twice, never calling a charged payment failed). Also the status
 * look-up by tid and by cid + order id, and the admin endpoints' guard rails.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreProfile } from '../../shared/contract';
import { openLedger } from '../../electron/core/db/open-ledger';
import { openDrawerRow } from '../fixtures/drawer-session';
import { EventBus } from '../../electron/core/events';
import { PaymentRepo } from '../../electron/core/services/payment/payment-repo';
import { PaymentService } from '../../electron/core/services/payment/payment-service';
import { DIALECTS, addFault, approveReq, expectFailure, getCustomer, issueQr, merchant, pay, readyReq, startHarness, type Harness, type Merchant } from '../property/sim-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ faults: true });
});
afterEach(async () => {
  await h.close();
});

const APPROVE = { oneqpay: '/pay/success', kakaopay: '/v1/payment/approve' } as const;
const READY = { oneqpay: '/pay', kakaopay: '/v1/payment/ready' } as const;
const balance = async () => (await getCustomer(h, 'demo')).account_balance;

async function fault(spec: Record<string, unknown>) {
  const r = await addFault(h, spec);
  expect(r.status, await r.clone().text()).toBe(200);
}

describe.each(DIALECTS)('fault injection on approve (%s)', (dialect) => {
  let m: Merchant;
  let fast: Merchant;
  beforeEach(async () => {
    m = await merchant(h, dialect);
    fast = { ...m, gw: (await import('../../electron/core/services/gateway/create-gateway')).createGateway({ dialect, baseUrl: h.url, timeoutMs: 400, credentials: m.credentials }) };
  });

  async function readied(amount = 1000) {
    const req = readyReq(m, await issueQr(h, 'demo'), { amount });
    const ready = await m.gw.ready(req);
    return { req, tid: ready.tid };
  }

  it('timeout after committing → unknown; the look-up finds it approved; a retry is ignored (first result stands)', async () => {
    const before = await balance();
    const { req, tid } = await readied(1000);
    await fault({ path: APPROVE[dialect], mode: 'timeout', delay_ms: 3000 });
    const t0 = Date.now();
    await expectFailure(fast.gw.approve(approveReq(req, tid)), 'unknown', 'BACKEND_UNKNOWN');
    expect(Date.now() - t0).toBeLessThan(2500);
    const found = await m.gw.lookup(m.cid, req.orderId);
    expect(found).toMatchObject({ tid, status: 'APPROVED', amount: 1000 });
    expect(await m.gw.lookupByTid(m.cid, tid)).toEqual(found);
    const again = await m.gw.approve(approveReq(req, tid));
    expect(again).toMatchObject({ tid, amount: 1000 });
    expect(await balance()).toBe(before - 1000);
  });

  it('connection reset before processing → unknown; the look-up shows nothing happened', async () => {
    const before = await balance();
    const { req, tid } = await readied();
    await fault({ path: APPROVE[dialect], mode: 'reset' });
    await expectFailure(m.gw.approve(approveReq(req, tid)), 'unknown', 'BACKEND_UNKNOWN');
    expect((await m.gw.lookup(m.cid, req.orderId)).status).toBe('READY');
    expect(await balance()).toBe(before);
    await m.gw.approve(approveReq(req, tid));
    expect(await balance()).toBe(before - 1000);
  });

  it('connection reset after committing → unknown, found approved', async () => {
    const { req, tid } = await readied();
    await fault({ path: APPROVE[dialect], mode: 'reset', commit: true });
    await expectFailure(m.gw.approve(approveReq(req, tid)), 'unknown', 'BACKEND_UNKNOWN');
    expect((await m.gw.lookup(m.cid, req.orderId)).status).toBe('APPROVED');
  });

  it('5xx → unknown (status 503 as asked), nothing committed by default', async () => {
    const { req, tid } = await readied();
    await fault({ path: APPROVE[dialect], mode: 'http_5xx', status: 503 });
    const e = await expectFailure(m.gw.approve(approveReq(req, tid)), 'unknown', 'BACKEND_UNKNOWN');
    expect(e.httpStatus).toBe(503);
    expect((await m.gw.lookup(m.cid, req.orderId)).status).toBe('READY');
  });

  it('delay → the normal answer, later', async () => {
    const { req, tid } = await readied();
    await fault({ path: APPROVE[dialect], mode: 'delay', delay_ms: 300 });
    const t0 = Date.now();
    expect((await m.gw.approve(approveReq(req, tid))).tid).toBe(tid);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('A0007 processing timeout → unknown BANK_NO_RESPONSE; look up: approved', async () => {
    const { req, tid } = await readied();
    await fault({ path: APPROVE[dialect], mode: 'code', code: 'A0007' });
    const e = await expectFailure(m.gw.approve(approveReq(req, tid)), 'unknown', 'BANK_NO_RESPONSE');
    expect(e.detail).toContain('A0007');
    expect((await m.gw.lookup(m.cid, req.orderId)).status).toBe('APPROVED');
  });

  it('A0017 / 311 participant timeout → rejected BANK_TIMEOUT_REJECTED; nothing moved', async () => {
    const before = await balance();
    for (const code of ['A0017', '311']) {
      const { req, tid } = await readied();
      await fault({ path: APPROVE[dialect], mode: 'code', code });
      const e = await expectFailure(m.gw.approve(approveReq(req, tid)), 'rejected', 'BANK_TIMEOUT_REJECTED');
      expect(e.detail).toContain(code);
      expect((await m.gw.lookup(m.cid, req.orderId)).status).toBe('READY');
    }
    expect(await balance()).toBe(before);
  });

  it('A0001 / 400 in progress → unknown BANK_PROCESSING; look up: approved', async () => {
    for (const code of ['A0001', '400']) {
      const { req, tid } = await readied();
      await fault({ path: APPROVE[dialect], mode: 'code', code });
      await expectFailure(m.gw.approve(approveReq(req, tid)), 'unknown', 'BANK_PROCESSING');
      expect((await m.gw.lookup(m.cid, req.orderId)).status).toBe('APPROVED');
    }
  });

  it('A0326 duplicate transaction id → the second is ignored: unknown DUPLICATE_TRANSACTION, the first result stands', async () => {
    const before = await balance();
    const { req, tid } = await readied();
    const first = await m.gw.approve(approveReq(req, tid));
    await fault({ path: APPROVE[dialect], mode: 'code', code: 'A0326' });
    if (dialect === 'kakaopay') {
      // Kakao's -702 (tid already approved): the Kakao client settles it with the order look-up (issue 10).
      expect(await m.gw.approve(approveReq(req, tid))).toEqual(first);
    } else {
      await expectFailure(m.gw.approve(approveReq(req, tid)), 'unknown', 'DUPLICATE_TRANSACTION');
    }
    expect((await m.gw.lookup(m.cid, req.orderId)).status).toBe('APPROVED');
    expect(await m.gw.approve(approveReq(req, tid))).toEqual(first);
    expect(await balance()).toBe(before - 1000);
  });

  it('A0316 / A0319 consent expired → rejected CONSENT_*', async () => {
    const a = await readied();
    await fault({ path: APPROVE[dialect], mode: 'code', code: 'A0316' });
    await expectFailure(m.gw.approve(approveReq(a.req, a.tid)), 'rejected', 'CONSENT_INFO_EXPIRED');
    const b = await readied();
    await fault({ path: APPROVE[dialect], mode: 'code', code: 'A0319' });
    await expectFailure(m.gw.approve(approveReq(b.req, b.tid)), 'rejected', 'CONSENT_WITHDRAWAL_EXPIRED');
  });

  it('faults on ready: a timeout after committing leaves a tid that the look-up finds; a retry returns it', async () => {
    const req = readyReq(m, await issueQr(h, 'demo'), { amount: 700 });
    await fault({ path: READY[dialect], mode: 'timeout', delay_ms: 2000 });
    await expectFailure(fast.gw.ready(req), 'unknown', 'BACKEND_UNKNOWN');
    const found = await m.gw.lookup(m.cid, req.orderId);
    expect(found.status).toBe('READY');
    expect((await m.gw.ready(req)).tid).toBe(found.tid); // same order, same amount: the same tid, the QR is not needed again
    expect((await m.gw.approve(approveReq(req, found.tid))).amount).toBe(700);
  });
});

describe('fault rules: counts, listing, clearing, validation', () => {
  it('the next N calls only; GET lists remaining; DELETE clears; "*" matches every merchant call', async () => {
    const m = await merchant(h, 'oneqpay');
    await fault({ path: '/health', mode: 'http_5xx', count: 2 });
    const list = (await (await fetch(`${h.url}/sim/faults`)).json()) as { faults: { remaining: number; commit: boolean }[] };
    expect(list.faults).toMatchObject([{ remaining: 2, commit: false }]);
    await expectFailure(m.gw.ping(), 'unknown', 'BACKEND_UNKNOWN');
    await expectFailure(m.gw.ping(), 'unknown', 'BACKEND_UNKNOWN');
    expect(await m.gw.ping()).toBeGreaterThanOrEqual(0);
    await fault({ path: '*', mode: 'http_5xx', count: 5 });
    await expectFailure(m.gw.lookup(m.cid, 'x'), 'unknown', 'BACKEND_UNKNOWN');
    expect(await (await fetch(`${h.url}/sim/faults`, { method: 'DELETE' })).json()).toEqual({ cleared: 1 });
    await expectFailure(m.gw.lookup(m.cid, 'x'), 'rejected', 'PAYMENT_NOT_FOUND');
  });

  it('rejects bad or unbounded rules', async () => {
    for (const spec of [{ path: '/pay', mode: 'explode' }, { path: '/pay', mode: 'delay', delay_ms: 60_001 }, { path: '/pay', mode: 'reset', count: 1001 }, { path: '/pay', mode: 'code' }, { path: '/pay', mode: 'code', code: 'A9999' }]) {
      const r = await addFault(h, spec);
      expect(r.status, JSON.stringify(spec)).toBe(400);
    }
    for (let i = 0; i < 64; i++) await fault({ path: '/nowhere', mode: 'reset' });
    expect((await addFault(h, { path: '/nowhere', mode: 'reset' })).status).toBe(409);
  });

  it('held requests end when the simulator closes (close does not hang)', async () => {
    await fault({ path: '/health', mode: 'timeout', delay_ms: 60_000 });
    const pending = fetch(`${h.url}/health`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await h.sim.close();
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('fault injection is off unless enabled', async () => {
    const plain = await startHarness();
    try {
      const r = await addFault(plain, { path: '/pay', mode: 'reset' });
      expect(r.status).toBe(404);
      expect(((await r.json()) as { code: string }).code).toBe('UNKNOWN_METHOD');
    } finally {
      await plain.close();
    }
  });

  it('initial rules from the options (as the standalone server takes them)', async () => {
    const preset = await startHarness({ faults: [{ path: '/health', mode: 'code', code: 'A0017' }] });
    try {
      const m = await merchant(preset, 'oneqpay');
      await expectFailure(m.gw.ping(), 'rejected', 'BANK_TIMEOUT_REJECTED');
      expect(await m.gw.ping()).toBeGreaterThanOrEqual(0);
    } finally {
      await preset.close();
    }
  });
});

describe('status look-up by tid and by cid + order id', () => {
  it.each(DIALECTS)('%s: both keys, another merchant sees nothing', async (dialect) => {
    const m = await merchant(h, dialect);
    const other = await merchant(h, dialect);
    const { req, ready } = await pay(m, await issueQr(h, 'demo'), { amount: 2500 });
    const byOrder = await m.gw.lookup(m.cid, req.orderId);
    expect(byOrder).toMatchObject({ tid: ready.tid, cid: m.cid, orderId: req.orderId, status: 'APPROVED', amount: 2500 });
    expect(byOrder.tranDt).toMatch(/^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await m.gw.lookupByTid(m.cid, ready.tid)).toEqual(byOrder);
    await expectFailure(other.gw.lookupByTid(other.cid, ready.tid), 'rejected', 'PAYMENT_NOT_FOUND');
    await expectFailure(other.gw.lookup(other.cid, req.orderId), 'rejected', 'PAYMENT_NOT_FOUND');
    await expectFailure(m.gw.lookupByTid(m.cid, dialect === 'oneqpay' ? '9999999999' : 'T0000000000000000000'), 'rejected', 'PAYMENT_NOT_FOUND');
  });
});

describe("the terminal's payment service against injected faults", () => {
  const store = (cid: string): StoreProfile => ({
    businessNo: '2208162517',
    name: '하나카페',
    representative: '김하나',
    phone: '02',
    address1: 'a1',
    address2: 'a2',
    postNo: '',
    cid,
    categoryCd: 552101,
    createdAt: '2026.01.01 00:00:00',
    approvedAt: '2026.01.01 00:00:00',
    registeredAt: new Date().toISOString(),
  });

  it.each(DIALECTS)('%s: A0007 and a timeout after commit end approved once; A0017 ends failed with nothing taken', async (dialect) => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
    const db = openLedger(dir);
    openDrawerRow(db);
    try {
      const m = await merchant(h, dialect);
      const { createGateway } = await import('../../electron/core/services/gateway/create-gateway');
      const gw = createGateway({ dialect, baseUrl: h.url, timeoutMs: 400, credentials: m.credentials });
      const svc = new PaymentService({ repo: new PaymentRepo(db), store: () => store(m.cid), gateway: () => gw, events: new EventBus(), lookupDelaysMs: [50, 100, 200, 400] });
      const items = [{ name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false }];
      const start = await balance();

      await fault({ path: APPROVE[dialect], mode: 'code', code: 'A0007' });
      const p1 = await svc.checkout({ items, qrText: await issueQr(h, 'demo') });
      expect(p1.status).toBe('unknown');
      const r1 = await svc.recheck(p1.id);
      expect(r1.status).toBe('approved');

      await fault({ path: APPROVE[dialect], mode: 'timeout', delay_ms: 2000 });
      const p2 = await svc.checkout({ items, qrText: await issueQr(h, 'demo') });
      expect(p2.status).toBe('unknown');
      expect((await svc.recheck(p2.id)).status).toBe('approved');

      await fault({ path: APPROVE[dialect], mode: 'code', code: 'A0017' });
      const p3 = await svc.checkout({ items, qrText: await issueQr(h, 'demo') });
      expect(p3).toMatchObject({ status: 'failed', error: { code: 'BANK_TIMEOUT_REJECTED' } });

      expect(await balance()).toBe(start - 9000);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('standalone server', () => {
  it('binds 127.0.0.1 by default and takes --faults', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/simulator/cli.ts', '--port', '0', '--db', join(dir, 's.sqlite'), '--faults', '--fault', 'path=/health,mode=code,code=A0017'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`cli exited ${code}: ${out}`)));
        setTimeout(() => reject(new Error(`no url: ${out}`)), 15_000);
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const first = await fetch(`${url}/health`);
      expect(first.status).toBe(424);
      expect((await fetch(`${url}/sim/faults`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
