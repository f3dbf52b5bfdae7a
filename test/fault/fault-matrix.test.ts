/**
 * Network fault matrix (issue 6): every step (fault-matrix.ts STEPS) × every fault (FAULTS) drives the
 * real core (createCore in-process, remote backend = the simulator on port 0, 1 s timeout, short
 * look-up delays) through its router. One test per cell; the table is printed at the end.
 * Each cell checks the outcome, that the fault really fired, and — from the simulator's own records
 * and the customer's balance, after any held request has landed — that nobody was charged twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { Payment, StoreProfile } from '../../shared/contract';
import { addFault, businessNo, createCustomer, getCustomer, issueQr, startHarness, type Harness } from '../property/sim-harness';
import { FAULTS, STEPS, type FaultDef, type PaymentExpect, type RegisterExpect, type StepDef } from './fault-matrix';
import { remoteCore, rpc } from './remote-core';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ faults: true });
});
afterAll(async () => {
  await h.close();
  const rows = table.map((r) => `| ${r.step} | ${r.fault} | ${r.expected} | ${r.observed} | ${r.charged} | ${r.pass ? 'pass' : 'FAIL'} |`);
  console.log(['[fault-matrix]', '| step | fault | expected | observed | charged | result |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n'));
});

interface Row {
  step: string;
  fault: string;
  expected: string;
  observed: string;
  charged: string;
  pass: boolean;
}
const table: Row[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const registration = (bizNo: string) => ({ businessNo: bizNo, name: '하나카페 장애점', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35', postNo: '04523' });
const items = [{ name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false }];

async function withCore<T>(fn: (core: Core) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'matrix-'));
  const core = await remoteCore(dir, h.url);
  try {
    return await fn(core);
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function fault(spec: Record<string, unknown>): Promise<void> {
  const r = await addFault(h, spec);
  if (r.status !== 200) throw new Error(`fault ${JSON.stringify(spec)}: HTTP ${r.status} ${await r.text()}`);
}
/** Rules not used up (a fault that never fired means the cell tested nothing); clears them. */
async function leftoverFaults(): Promise<number> {
  const { faults } = (await (await fetch(`${h.url}/sim/faults`)).json()) as { faults: unknown[] };
  await fetch(`${h.url}/sim/faults`, { method: 'DELETE' });
  return faults.length;
}

function simQuery<T>(sql: string, ...args: unknown[]): T[] {
  const db = new Database(join(h.dir, 'simulator.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

async function settle(core: Core, id: number, ms = 10_000): Promise<Payment> {
  const end = Date.now() + ms;
  for (;;) {
    const p = core.payments.get(id);
    if (p.status === 'approved' || p.status === 'failed' || Date.now() > end) return p;
    await sleep(25);
  }
}

async function runCheckout(step: StepDef, f: FaultDef, exp: PaymentExpect): Promise<Row> {
  return withCore(async (core) => {
    const reg = await rpc<StoreProfile>(core, 'registerStore', registration(businessNo()));
    if (!reg.ok) throw new Error(`register: ${reg.error.code}`);
    const customer = await createCustomer(h, { name: '김매트', accounts: [{ balance: 1_000_000 }] });
    const before = customer.account_balance;
    const qrText = await issueQr(h, customer.id);
    for (const s of step.setup ?? []) await fault(s);
    await fault({ path: step.path, method: step.method, count: step.count, ...f.spec });
    const t0 = Date.now();
    const r = await rpc<Payment>(core, 'checkout', { items, qrText });
    if (!r.ok) throw new Error(`checkout: ${r.error.code} ${r.error.detail ?? ''}`);
    const first = r.value;
    const settled = await settle(core, first.id);
    // A request the simulator still holds lands now; the verdict is taken after it.
    if (f.holdMs) await sleep(Math.max(0, t0 + f.holdMs * step.count + 400 - Date.now()));
    const final = core.payments.get(first.id);
    const leftover = await leftoverFaults();
    const charges = simQuery<{ n: number }>(
      `SELECT count(*) AS n FROM payment_actions a JOIN payments p ON p.id = a.payment_id WHERE p.cid = ? AND p.order_id = ? AND a.type = 'PAYMENT'`,
      reg.value.cid,
      first.orderId,
    )[0]!.n;
    const drop = before - (await getCustomer(h, customer.id)).account_balance;
    const observed = `${first.status}${first.status !== final.status ? ` → ${final.status}` : ''} (${first.error?.code ?? 'ok'})${settled.status !== final.status ? ` [changed after settling: ${settled.status}]` : ''}${leftover ? ` [fault not fired: ${leftover} left]` : ''}`;
    const pass = first.status === exp.first && final.status === exp.final && settled.status === final.status && (first.error?.code ?? null) === exp.code && charges === exp.charged && drop === charges * first.amount && leftover === 0 && (final.status === 'approved') === (charges === 1);
    return {
      step: step.name,
      fault: f.name,
      expected: `${exp.first}${exp.first !== exp.final ? ` → ${exp.final}` : ''} (${exp.code ?? 'ok'}), charged ${exp.charged}`,
      observed,
      charged: `${charges}× (balance −${drop})`,
      pass,
    };
  });
}

async function runRegister(step: StepDef, f: FaultDef, exp: RegisterExpect): Promise<Row> {
  return withCore(async (core) => {
    const input = registration(businessNo());
    await fault({ path: step.path, method: step.method, count: step.count, ...f.spec });
    const t0 = Date.now();
    const r = await rpc<StoreProfile>(core, 'registerStore', input);
    const code = r.ok ? 'ok' : r.error.code;
    const saved = await rpc<StoreProfile | null>(core, 'getStore');
    const storeAfterError = saved.ok ? saved.value : 'error';
    if (f.holdMs) await sleep(Math.max(0, t0 + f.holdMs + 400 - Date.now()));
    const leftover = await leftoverFaults();
    const retry = await rpc<StoreProfile>(core, 'registerStore', input);
    const backendStores = simQuery<{ cid: string }>('SELECT cid FROM stores WHERE business_no = ?', input.businessNo.replaceAll('-', ''));
    const again = await rpc<StoreProfile | null>(core, 'getStore');
    const savedOnce = retry.ok && again.ok && again.value?.cid === retry.value.cid && backendStores.length === 1 && backendStores[0]!.cid === retry.value.cid;
    const pass = code === exp.code && storeAfterError === null && savedOnce && leftover === 0;
    return {
      step: step.name,
      fault: f.name,
      expected: `error ${exp.code}, no store; retry saves it once`,
      observed: `${code === 'ok' ? 'ok (no error!)' : `error ${code}`}, ${storeAfterError === null ? 'no store' : 'store saved'}; retry ${savedOnce ? 'saved once' : `not saved once (${retry.ok ? retry.value.cid : retry.error.code}, backend ${backendStores.length})`}${leftover ? ` [fault not fired: ${leftover} left]` : ''}`,
      charged: '—',
      pass,
    };
  });
}

/** One runner per way of driving the core (StepDef.drive); a new drive (e.g. 'refund') needs its entry here. */
const RUNNERS: Record<StepDef['drive'], (step: StepDef, f: FaultDef) => Promise<Row>> = {
  register: (step, f) => runRegister(step, f, step.expect(f) as RegisterExpect),
  checkout: (step, f) => runCheckout(step, f, step.expect(f) as PaymentExpect),
};

describe.each(STEPS.map((s) => [s.name, s] as const))('fault matrix: %s', (_name, step) => {
  it.each(FAULTS.map((f) => [f.name, f] as const))('%s', async (_f, f) => {
    const row = await RUNNERS[step.drive](step, f);
    table.push(row);
    expect(row, `${row.step} × ${row.fault}: expected ${row.expected}, observed ${row.observed}, charged ${row.charged}`).toMatchObject({ pass: true });
  });
});
