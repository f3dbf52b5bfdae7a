/**
 * `npm run bench:checkout-core` (issue 15): the checkout's core path alone — POST /rpc/checkout on the
 * web shell (durable ledger in a temp folder) with the backend set to a standalone simulator process
 * (the CLI, OneQ Pay dialect), one sale at a time, a fresh customer QR for each (fetched beforehand,
 * not timed). Time = the /rpc/checkout round trip as the renderer would see it: the ledger's commits
 * and the two HTTP calls to the simulator (ready, approve).
 *
 *   BENCH_SALES=300  Results: bench/results/checkout-core.json. A benchmark, never a timed assertion.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORE } from '../test/e2e/flows';
import { launchWebShell, stopWebShell } from '../test/e2e/web/web-shell.fixture';
import { load, percentile, round, ROOT } from './lib/pos-app';
import { startSimulatorProcess } from './lib/sim-process';

const SALES = Number(process.env.BENCH_SALES ?? 300);
const WARMUP = 20;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'checkout-core-'));
  const sim = await startSimulatorProcess(dir);
  // a shell that fails to start (e.g. no renderer build) must not leave the simulator running and the bench hanging
  const shell = await launchWebShell(join(dir, 'pos')).catch(async (e: unknown) => {
    await sim.stop();
    throw e;
  });
  const token = new URL(shell.appUrl).hash.replace(/^#token=/, '');
  const rpc = async <T>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(`${shell.url}/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
    const r = (await res.json()) as { ok: boolean; value?: T; error?: { code: string } };
    if (!r.ok) throw new Error(`${method}: ${r.error?.code}`);
    return r.value as T;
  };
  const times: number[] = [];
  try {
    await rpc('updateSettings', { backend: { mode: 'remote', url: sim.url, dialect: 'oneqpay' } });
    await rpc('registerStore', STORE);
    await rpc('openDrawer', { float: 0 }); // issue 13: every sale belongs to an open drawer session
    const customer = (await (await fetch(`${sim.url}/wallet/api/customers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '벤치', accounts: [{ balance: 1_000_000_000_000 }] }) })).json()) as { id: string };
    for (let i = 0; i < SALES + WARMUP; i++) {
      const { qr_text } = (await (await fetch(`${sim.url}/wallet/api/customers/${customer.id}/qr`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { qr_text: string };
      const t0 = performance.now();
      const p = await rpc<{ status: string }>('checkout', { items: [{ name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false }], qrText: qr_text });
      const dt = performance.now() - t0;
      if (p.status !== 'approved') throw new Error(`checkout ${i}: ${p.status}`);
      if (i >= WARMUP) times.push(dt);
    }
  } finally {
    await stopWebShell(shell);
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const result = {
    env: { date: new Date().toISOString(), sales: SALES, warmup: WARMUP, loadAverage: load(), ledger: 'web shell default (durable SQLite ledger, temp folder)', backend: 'standalone simulator (CLI), OneQ Pay' },
    rpcCheckoutMs: { p50: round(percentile(times, 50), 2), p99: round(percentile(times, 99), 2), max: round(times.at(-1)!, 2) },
    goal: { p50Ms: 15, p99Ms: 50 },
  };
  const met = result.rpcCheckoutMs.p50 <= 15 && result.rpcCheckoutMs.p99 <= 50;
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/checkout-core.json'), JSON.stringify({ ...result, met }, null, 2) + '\n');
  console.log(`/rpc/checkout (standalone simulator, durable ledger): p50 ${result.rpcCheckoutMs.p50} ms  p99 ${result.rpcCheckoutMs.p99} ms  max ${result.rpcCheckoutMs.max} ms  (goal p50 ≤ 15, p99 ≤ 50: ${met ? 'met' : 'NOT met'})`);
  console.log(`${SALES} sales after ${WARMUP} warm-up, load average ${result.env.loadAverage.join(' ')}; written bench/results/checkout-core.json`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
