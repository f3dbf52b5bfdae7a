/**
 * Load benchmark of the simulator (npm run bench:simulator): approved payments per second with 1, 8
 * and 32 concurrent terminals on loopback, and the latency (p50 / p99) of one payment as the
 * terminal sees it (ready + approve through its own gateway client). The simulator runs as its own
 * process (the standalone CLI, so client and server do not share an event loop) on a temp-dir
 * database with durable writes (WAL, synchronous=FULL: every commit is fsynced).
 * Each payment also needs a fresh customer QR from the wallet API; that call is counted in the
 * throughput (it is a durable write too) but not in the terminal's latency.
 *
 *   BENCH_SECONDS=5 (per level)  BENCH_LEVELS=1,8,32  BENCH_DIALECTS=oneqpay,kakaopay
 * Results: bench/results/simulator-bench.json and .md. A benchmark, never a timed assertion.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { processCpuSeconds, startSimulatorProcess } from './lib/sim-process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGateway } from '../electron/core/services/gateway/create-gateway';
import type { PaymentGateway } from '../electron/core/services/gateway/gateway';
import { businessNumberCheckDigit } from '../shared/domain/business-number';
import { toOneqDateTime } from '../shared/domain/time';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LEVELS = (process.env.BENCH_LEVELS ?? '1,8,32').split(',').map(Number);
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'oneqpay,kakaopay').split(',') as ('oneqpay' | 'kakaopay')[];
const WARMUP_MS = 1000;
const MAX_PAYMENTS_PER_LEVEL = 200_000; // bound even on a very fast machine

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface LevelResult {
  dialect: string;
  terminals: number;
  seconds: number;
  approved: number;
  errors: number;
  approvedPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Simulator process CPU per approved payment (ms), and the rate one core would carry at that cost. */
  serverCpuMsPerPayment: number;
  paymentsPerServerCoreSecond: number;
  /** The benchmark's own client CPU per payment (32 gateways in one process share the 2 cores). */
  clientCpuMsPerPayment: number;
}

async function runLevel(url: string, simPid: number, dialect: 'oneqpay' | 'kakaopay', terminals: number, seq: { n: number }): Promise<LevelResult> {
  const setup = createGateway({ dialect: 'oneqpay', baseUrl: url, timeoutMs: 10_000 });
  const nine = `3${String(++seq.n).padStart(8, '0')}`;
  const reg = await setup.registerStore({ businessNo: nine + businessNumberCheckDigit(nine), name: `벤치 ${seq.n}`, phone: '02', address1: 'a', address2: 'b', postNo: '' });
  const terms: { gw: PaymentGateway; customer: string }[] = [];
  for (let i = 0; i < terminals; i++) {
    const c = await postJson<{ id: string }>(`${url}/wallet/api/customers`, { name: `벤치고객${i}`, accounts: [{ balance: 1_000_000_000_000 }] });
    terms.push({ gw: createGateway({ dialect, baseUrl: url, timeoutMs: 10_000, credentials: { cidSecret: reg.cidSecret, adminKey: reg.adminKey } }), customer: c.id });
  }
  const latencies: number[] = [];
  let approved = 0;
  let errors = 0;
  let orders = 0;
  const t0 = performance.now();
  const measureFrom = t0 + WARMUP_MS;
  const end = measureFrom + SECONDS * 1000;
  let measuredApproved = 0;
  let cpu0 = { server: NaN, client: 0, approved: 0 };
  const cpuMark = setTimeout(() => (cpu0 = { server: processCpuSeconds(simPid), client: cpuSeconds(), approved }), WARMUP_MS);

  await Promise.all(
    terms.map(async (t, i) => {
      while (performance.now() < end && approved < MAX_PAYMENTS_PER_LEVEL) {
        const { qr_text } = await postJson<{ qr_text: string }>(`${url}/wallet/api/customers/${t.customer}/qr`, {});
        const orderId = `B${seq.n}-${i}-${++orders}`;
        const req = { cid: reg.cid, categoryCd: reg.categoryCd, storeName: '벤치', itemName: '아메리카노', memberId: 'guest', orderId, quantity: 1, amount: 4500, qrToken: qr_text, approvalUrl: 'app://pos/a', cancelUrl: 'app://pos/c', failUrl: 'app://pos/f' };
        const start = performance.now();
        try {
          const ready = await t.gw.ready(req);
          await t.gw.approve({ ...req, tranDt: toOneqDateTime(new Date()), tid: ready.tid });
          const done = performance.now();
          approved++;
          if (start >= measureFrom && done <= end) {
            measuredApproved++;
            latencies.push(done - start);
          }
        } catch (e) {
          errors++;
          if (errors < 5) console.error(`[${dialect} x${terminals}]`, e instanceof Error ? e.message : e);
        }
      }
    }),
  );
  clearTimeout(cpuMark);
  const counted = approved - cpu0.approved;
  const serverMs = ((processCpuSeconds(simPid) - cpu0.server) * 1000) / counted;
  const clientMs = ((cpuSeconds() - cpu0.client) * 1000) / counted;
  latencies.sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 100) / 100;
  return {
    dialect,
    terminals,
    seconds: SECONDS,
    approved: measuredApproved,
    errors,
    approvedPerSecond: r(measuredApproved / SECONDS),
    latencyMs: { p50: r(percentile(latencies, 50)), p99: r(percentile(latencies, 99)), max: r(latencies.at(-1) ?? NaN) },
    serverCpuMsPerPayment: r(serverMs),
    paymentsPerServerCoreSecond: Math.round(1000 / serverMs),
    clientCpuMsPerPayment: r(clientMs),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sim-bench-'));
  const sim = await startSimulatorProcess(dir);
  const results: LevelResult[] = [];
  const seq = { n: Math.floor(Math.random() * 1000) * 1000 };
  try {
    for (const dialect of DIALECTS) {
      for (const n of LEVELS) {
        const r = await runLevel(sim.url, sim.pid, dialect, n, seq);
        results.push(r);
        console.log(`${dialect.padEnd(8)} ${String(n).padStart(2)} terminal(s): ${r.approvedPerSecond.toFixed(1).padStart(7)} approved/s   p50 ${r.latencyMs.p50.toFixed(1)} ms   p99 ${r.latencyMs.p99.toFixed(1)} ms   errors ${r.errors}   simulator CPU ${r.serverCpuMsPerPayment} ms/payment (${r.paymentsPerServerCoreSecond}/s a core), client CPU ${r.clientCpuMsPerPayment} ms`);
      }
    }
  } finally {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const env = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', durability: 'SQLite WAL, group commit: one transaction and one WAL fdatasync per batch, answers after the sync (temp dir)', load: loadavg().map((l) => Math.round(l * 100) / 100), secondsPerLevel: SECONDS, warmupMs: WARMUP_MS };
  const outDir = join(root, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'simulator-bench.json'), JSON.stringify({ env, results }, null, 2) + '\n');
  const md = [
    '# Simulator load benchmark',
    '',
    `${env.date} · Node ${env.node} · ${env.cpus} CPU (${env.cpuModel}), load average at the end ${env.load.join(' ')} (shared machine) · ${env.durability} · ${SECONDS} s per level after ${WARMUP_MS} ms warm-up.`,
    'Simulator in its own process (standalone CLI) on 127.0.0.1; each terminal is the app\'s own gateway client, one customer per terminal.',
    'Latency = ready + approve as the terminal sees it; each payment also fetched a fresh customer QR (not in the latency).',
    '',
    '| dialect | terminals | approved/s | p50 ms | p99 ms | max ms | errors | simulator CPU ms/payment | payments/s per simulator core | client CPU ms/payment |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.dialect} | ${r.terminals} | ${r.approvedPerSecond.toFixed(1)} | ${r.latencyMs.p50.toFixed(1)} | ${r.latencyMs.p99.toFixed(1)} | ${r.latencyMs.max.toFixed(1)} | ${r.errors} | ${r.serverCpuMsPerPayment} | ${r.paymentsPerServerCoreSecond} | ${r.clientCpuMsPerPayment} |`),
    '',
    'Command: `npm run bench:simulator` (BENCH_SECONDS, BENCH_LEVELS, BENCH_DIALECTS to change the run).',
    '',
  ].join('\n');
  writeFileSync(join(outDir, 'simulator-bench.md'), md);
  console.log(`\nwritten: bench/results/simulator-bench.json, bench/results/simulator-bench.md`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
