/**
 * The terminal core in a child process, for the kill test (kill-recovery.test.ts): createCore on
 * --data-dir with a remote backend (the simulator that the test process runs, so it survives the
 * kills), then checkouts in a loop, each with a fresh one-time QR from the simulator's wallet API.
 *
 *   node --import tsx test/fault/core-child.ts --data-dir D --backend URL
 *        --customers c1,c2 [--seed N] [--checkouts N] [--hold-at STATE --hold-nth K]
 *        [--dialect oneqpay|kakaopay] [--flow sale|refund|mpm]
 *   flow sale: scanned QR (the customer's one-time QR); refund: a sale, then its full refund;
 *   mpm: merchant-presented QR, the child approving as the customer's phone on the simulator's pages.
 *
 * It announces itself on stdout, one JSON object a line (written synchronously):
 *   { ev: 'up', open: [ids] }            the non-final payments found before createCore (recovery's work)
 *   { ev: 'recovered', open: [ids] }     those settled (open: what is still non-final after 10 s)
 *   { ev: 'state', id, status }          each committed payment state (payment.updated)
 *   { ev: 'hold', id, status }           --hold-at: the K-th commit of STATE, then the child blocks
 *                                        (synchronously: no further I/O) until it is killed, 10 s at most
 *   { ev: 'done', id, status, code }     a checkout returned
 *   { ev: 'finished' }                   --checkouts done, every payment final or given up on, core closed
 * Every 4th checkout is a split order (issue 13): cash with a 현금영수증 by phone, the rest by QR. Hold
 * states for those: 'tender:pending' (the QR tender committed, its payment not yet recorded) and
 * 'cr:issue_requested' (the 현금영수증 request committed, the call not yet answered).
 */
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCore } from '../../electron/core/core';
import { openLedger } from '../../electron/core/db/open-ledger';
import { PaymentRepo } from '../../electron/core/services/payment/payment-repo';
import type { Payment, RpcResult, StoreProfile } from '../../shared/contract';
import type { Order } from '../../shared/contract-cash';
import { prng } from './prng';
import { FAULT_LOOKUP_DELAYS_MS, FAULT_TIMEOUT_MS, configureRemote } from './remote-core';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

const CHILD_TIMEOUT_MS = FAULT_TIMEOUT_MS;
const REGISTRATION = { businessNo: '220-81-62517', name: '하나카페 을지로점', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35 1층', postNo: '04523' };

const out = (o: Record<string, unknown>) => {
  try {
    writeSync(1, `${JSON.stringify(o)}\n`);
  } catch {
    process.exit(4); // the parent is gone (EPIPE): never run on unobserved
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const { values: a } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      backend: { type: 'string' },
      customers: { type: 'string' },
      seed: { type: 'string', default: '1' },
      checkouts: { type: 'string', default: '1000' },
      'hold-at': { type: 'string' },
      'hold-nth': { type: 'string', default: '1' },
      dialect: { type: 'string', default: 'oneqpay' },
      flow: { type: 'string', default: 'sale' },
      'business-no': { type: 'string' },
    },
  });
  const dataDir = a['data-dir'];
  const backend = a.backend;
  const customers = (a.customers ?? '').split(',').filter(Boolean);
  if (!dataDir || !backend || customers.length === 0) throw new Error('usage: --data-dir D --backend URL --customers c1,c2');
  const rnd = prng(Number(a.seed));

  // Test-side configuration through the ledger's own settings (as the settings screen would store them).
  const dialect = a.dialect === 'kakaopay' ? 'kakaopay' : 'oneqpay';
  const flow = a.flow ?? 'sale';
  configureRemote(dataDir, backend, CHILD_TIMEOUT_MS, dialect);
  const pre = openLedger(dataDir);
  const open = new PaymentRepo(pre).listNonFinal().map((p) => p.id);
  pre.close();
  out({ ev: 'up', open });

  const holdAt = a['hold-at'];
  let holdLeft = Number(a['hold-nth']);
  const core = await createCore({ dataDir, shell: 'web', version: 'fault-child', lookupDelaysMs: FAULT_LOOKUP_DELAYS_MS });
  await ensureDrawerOpen(core);
  const hold = (p: Payment) => {
    out({ ev: 'hold', id: p.id, status: p.status });
    // Block the whole process right after the commit: no network call, no further write, until SIGKILL.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
    out({ ev: 'error', message: 'hold: not killed within 10 s' });
    process.exit(3);
  };
  core.events.subscribe((e) => {
    if (e.name === 'order.updated' && holdAt?.includes(':')) {
      const o = e.payload;
      const hit = holdAt === 'tender:pending' ? o.tenders.some((t) => t.status === 'pending') : o.cashReceipts.some((r) => `cr:${r.status}` === holdAt);
      if (hit && --holdLeft === 0) {
        out({ ev: 'hold', id: o.id, status: holdAt });
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
        out({ ev: 'error', message: 'hold: not killed within 10 s' });
        process.exit(3);
      }
      return;
    }
    if (e.name !== 'payment.updated') return;
    const p = e.payload;
    out({ ev: 'state', id: p.id, status: p.status });
    if (holdAt === p.status && --holdLeft === 0) hold(p);
  });

  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = (await core.router.call(method, input)) as RpcResult<T>;
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.detail ?? ''}`);
    return r.value;
  };
  async function finishOpenOrder(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const left = (await core.router.call('getOpenOrder', {})) as RpcResult<Order | null>;
      if (!left.ok || !left.value) return;
      if (!left.value.tenders.some((t) => t.status === 'pending' || t.status === 'unknown')) {
        if (left.value.due > 0) await core.router.call('addCashTender', { orderId: left.value.id, received: left.value.due });
        return;
      }
      await sleep(50);
    }
  }
  if (!(await call<StoreProfile | null>('getStore', {}))) {
    const store = await call<StoreProfile>('registerStore', { ...REGISTRATION, ...(a['business-no'] ? { businessNo: a['business-no'] } : {}) });
    out({ ev: 'store', cid: store.cid });
  }

  const openRefunds = () => new PaymentRepo(core.db).refunds.listNonFinal().length;
  const stillOpen = () => (openRefunds() > 0 ? [-1] : []).concat(open.filter((id) => !['approved', 'failed'].includes(core.payments.get(id).status)));
  for (let i = 0; i < 200 && stillOpen().length > 0; i++) await sleep(50);
  out({ ev: 'recovered', open: stillOpen() });
  // The cashier finishes an order a kill left open (in cash), once its QR part is settled.
  await finishOpenOrder();

  /** A split order: cash part with a 현금영수증, the rest by QR; an order a kill left open is finished in cash first. */
  const splitOrder = async (items: { name: string; unitPrice: number; quantity: number; taxFree: boolean }[], qrText: string) => {
    await ensureDrawerOpen(core);
    await finishOpenOrder();
    const created = (await core.router.call('createOrder', { items })) as RpcResult<Order>;
    if (!created.ok) return out({ ev: 'done', id: null, status: 'error', code: created.error.code });
    const o = created.value;
    const cashPart = Math.max(10, Math.floor(o.total / 30) * 10);
    await core.router.call('addCashTender', { orderId: o.id, amount: cashPart, received: cashPart, cashReceipt: { purpose: '소득공제', identity: '01012345678' } });
    const r = (await core.router.call('addQrTender', { orderId: o.id, qrText })) as RpcResult<Order>;
    out(r.ok ? { ev: 'done', id: o.id, status: `order ${r.value.status}`, code: null } : { ev: 'done', id: null, status: 'error', code: r.error.code });
  };

  const n = Number(a.checkouts);
  for (let i = 0; i < n; i++) {
    const customer = rnd.pick(customers);
    const items = [{ name: '아메리카노', unitPrice: rnd.int(10, 500) * 10, quantity: rnd.int(1, 3), taxFree: false }];
    if (flow === 'sale' && i % 4 === 3) {
      await splitOrder(items, await issueQr(backend, customer));
      continue;
    }
    const r = flow === 'mpm' ? await mpmSale(backend, dialect, customer, items, call) : await scannedSale(backend, customer, items, core);
    out(r.ok ? { ev: 'done', id: r.value.id, status: r.value.status, code: r.value.error?.code ?? null } : { ev: 'done', id: null, status: 'error', code: r.error.code });
    if (flow === 'refund' && r.ok && r.value.status === 'approved') {
      const f = (await core.router.call('refundPayment', { paymentId: r.value.id, amount: r.value.amount })) as RpcResult<{ status: string }>;
      out({ ev: 'refunded', id: r.value.id, status: f.ok ? f.value.status : 'error', code: f.ok ? null : f.error.code });
    }
  }
  // Let background look-ups of 'unknown' checkouts finish (bounded), then close cleanly.
  const repo = new PaymentRepo(core.db);
  for (let i = 0; i < 200 && repo.listNonFinal().length + repo.refunds.listNonFinal().length > 0; i++) await sleep(50);
  await finishOpenOrder();
  // …and 현금영수증 still being issued (bounded)
  const openReceipts = () => core.db.prepare("SELECT COUNT(*) AS n FROM cash_receipts WHERE status IN ('created', 'issue_requested', 'unknown', 'cancel_requested', 'cancel_unknown')").get() as { n: number };
  for (let i = 0; i < 200 && openReceipts().n > 0; i++) await sleep(50);
  await core.close();
  out({ ev: 'finished' });
}

type Items = { name: string; unitPrice: number; quantity: number; taxFree: boolean }[];
const post = (url: string, body: string, type = 'application/json') => fetch(url, { method: 'POST', headers: { 'content-type': type }, body, signal: AbortSignal.timeout(5000) });

async function issueQr(backend: string, customer: string): Promise<string> {
  const qr = await post(`${backend}/wallet/api/customers/${customer}/qr`, '{}');
  if (!qr.ok) throw new Error(`qr: HTTP ${qr.status}`);
  return ((await qr.json()) as { qr_text: string }).qr_text;
}

async function scannedSale(backend: string, customer: string, items: Items, core: Awaited<ReturnType<typeof createCore>>): Promise<RpcResult<Payment>> {
  const qrText = await issueQr(backend, customer);
  return (await core.router.call('checkout', { items, qrText })) as RpcResult<Payment>;
}

/** Merchant-presented QR: the core shows a QR, the child (as the customer's phone) opens it and approves. */
async function mpmSale(backend: string, dialect: string, customer: string, items: Items, call: <T>(m: string, i: unknown) => Promise<T>): Promise<RpcResult<Payment>> {
  const s = await call<{ payment: Payment; qrText: string }>('startMpmPayment', { items });
  const c = (await (await fetch(`${backend}/wallet/api/customers/${customer}`, { signal: AbortSignal.timeout(5000) })).json()) as { methods: { method_id: string }[] };
  const method = c.methods.find((m) => m.method_id.startsWith('A'))!.method_id;
  await fetch(`${s.qrText}${s.qrText.includes('?') ? '&' : '?'}as=${customer}`, { signal: AbortSignal.timeout(5000) });
  const tid = s.payment.tid!;
  const body = new URLSearchParams({ customer, method_id: method, pin: '000000', ...(dialect === 'oneqpay' ? { tid } : {}) }).toString();
  await post(`${backend}${dialect === 'kakaopay' ? `/kakaopay/m/${tid}/approve` : '/pay/oneq/transfer/approve'}`, body, 'application/x-www-form-urlencoded');
  for (let i = 0; i < 200; i++) {
    const p = await call<Payment>('getPayment', { id: s.payment.id });
    if (p.status === 'approved' || p.status === 'failed') return { ok: true, value: p } as RpcResult<Payment>;
    await sleep(25);
  }
  return { ok: true, value: await call<Payment>('getPayment', { id: s.payment.id }) } as RpcResult<Payment>;
}

main().catch((e: unknown) => {
  out({ ev: 'error', message: e instanceof Error ? e.message : String(e) });
  process.exit(2);
});
