/**
 * The one summary (issue 15): reads every bench/results/*.json the benchmarks wrote, prints a table —
 * figure, measured value, goal, met / not met (or "no result" when that benchmark has not run) — and
 * writes bench/results/summary.json. Run by `npm run bench` after the benchmarks; alone:
 * `npm run bench:summary` (no measuring, only the last results).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, 'results');

type Json = Record<string, unknown>;
interface Row {
  figure: string;
  value: string;
  goal: string;
  /** null: informational (no goal), or no result. */
  met: boolean | null;
  source: string;
  measuredAt: string | null;
  /** 1-minute load average when it was measured (the machine is shared): null when not recorded. */
  load: number | null;
}

function read(file: string): Json | null {
  const p = join(DIR, file);
  if (!existsSync(p)) return null;
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as Json;
  } catch {
    return null;
  }
}

function at(o: unknown, path: string): unknown {
  let cur = o;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Json)[k];
  }
  return cur;
}
const num = (o: unknown, path: string): number | undefined => {
  const v = at(o, path);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
const loadOf = (o: Json | null): number | null => {
  const l = at(o, 'env.loadAverage') ?? at(o, 'env.load');
  return Array.isArray(l) && typeof l[0] === 'number' ? l[0] : null;
};
const dateOf = (o: Json | null): string | null => {
  const d = at(o, 'env.date') ?? at(o, 'generatedAt') ?? at(o, 'date');
  return typeof d === 'string' ? d : null;
};

export function summaryRows(): Row[] {
  const rows: Row[] = [];
  const add = (source: string, o: Json | null, figure: string, value: number | undefined, unit: string, goal: string, ok: ((v: number) => boolean) | null) => {
    rows.push({
      figure,
      value: value === undefined ? 'no result' : `${value.toLocaleString('en-US')} ${unit}`.trim(),
      goal,
      met: value === undefined || ok === null ? null : ok(value),
      source,
      measuredAt: dateOf(o),
      load: loadOf(o),
    });
  };

  const renderer = read('renderer.json');
  add('bench:renderer', renderer, 'renderer: cold navigation → checkout usable, p50', num(renderer, 'coldUsableMs.p50'), 'ms', '≤ 300 ms', (v) => v <= 300);
  add('bench:renderer', renderer, 'renderer: bytes the checkout loads (JS + CSS)', num(renderer, 'initialBytes'), 'B', '—', null);

  const ui = read('checkout-ui.json');
  add('bench:checkout-ui', ui, 'Enter → 승인 완료 painted, p50', num(ui, 'enterToPaintedMs.p50'), 'ms', '≤ 50 ms', (v) => v <= 50);
  add('bench:checkout-ui', ui, 'Enter → 승인 완료 painted, p99', num(ui, 'enterToPaintedMs.p99'), 'ms', '≤ 100 ms', (v) => v <= 100);
  add('bench:checkout-ui', ui, '  of which /rpc/checkout (core), p50', num(ui, 'coreRpcCheckoutMs.p50'), 'ms', '—', null);

  const core = read('checkout-core.json');
  add('bench:checkout-core', core, '/rpc/checkout on the standalone simulator, p50', num(core, 'rpcCheckoutMs.p50'), 'ms', '≤ 15 ms', (v) => v <= 15);
  add('bench:checkout-core', core, '/rpc/checkout on the standalone simulator, p99', num(core, 'rpcCheckoutMs.p99'), 'ms', '≤ 50 ms', (v) => v <= 50);

  const soak = read('soak.json');
  const soakS = num(soak, 'env.seconds');
  const soakLabel = soakS === undefined ? '' : ` (${Math.round(soakS / 60)} min run)`;
  add('bench:soak', soak, `soak: JS heap growth after warm-up${soakLabel}`, num(soak, 'growthAfterWarmup.heapPct'), '%', '< 10 %', (v) => v < 10);
  add('bench:soak', soak, 'soak: renderer RSS growth', num(soak, 'growthAfterWarmup.rendererRssPct'), '%', '< 10 %', (v) => v < 10);
  add('bench:soak', soak, 'soak: core RSS growth', num(soak, 'growthAfterWarmup.coreRssPct'), '%', '< 10 %', (v) => v < 10);
  add('bench:soak', soak, 'soak: DOM nodes growth', num(soak, 'growthAfterWarmup.nodes'), '', '≤ 0', (v) => v <= 0);
  add('bench:soak', soak, 'soak: event listeners growth', num(soak, 'growthAfterWarmup.listeners'), '', '≤ 0', (v) => v <= 0);

  const sim = read('simulator-bench.json');
  const levels = (at(sim, 'results') as Json[] | undefined) ?? [];
  const level = (dialect: string, n: number) => levels.find((r) => r.dialect === dialect && r.terminals === n);
  add('bench:simulator', sim, 'simulator: approved payments/s, 32 terminals (OneQ Pay)', num(level('oneqpay', 32), 'approvedPerSecond'), '/s', '≥ 2,000/s', (v) => v >= 2000);
  for (const r of levels) {
    add('bench:simulator', sim, `  ${String(r.dialect)} ×${String(r.terminals)}: approved/s · p50 · p99 ms`, num(r, 'approvedPerSecond'), `/s · ${String(num(r, 'latencyMs.p50'))} · ${String(num(r, 'latencyMs.p99'))} ms`, '—', null);
  }
  add('bench:simulator', sim, '  simulator CPU per payment (32 terminals, OneQ Pay)', num(level('oneqpay', 32), 'serverCpuMsPerPayment'), 'ms', '—', null);

  const ledger = read('ledger.json');
  add('bench:ledger', ledger, 'ledger: bytes a payment (with history)', num(ledger, 'database.bytesPerPayment'), 'B', '≤ 500 B', (v) => v <= 500);
  add('bench:ledger', ledger, 'ledger: settlement of a day, p99', num(ledger, 'settlement.p99'), 'ms', '≤ 10 ms', (v) => v <= 10);
  add('bench:ledger', ledger, 'ledger: worst history page, p99', num(ledger, 'worstPageP99'), 'ms', '≤ 5 ms', (v) => v <= 5);

  const scan = read('scan.json');
  add('bench:scan', scan, 'camera: QR first frame → decoded, p50', num(scan, 'latency.shipped.p50'), 'ms', '≤ 53.3 ms', (v) => v <= (num(scan, 'latency.targetMs') ?? 53.3));
  const receipt = read('receipt.json');
  add('bench:receipt', receipt, 'receipt: sale (48 cols) built, p95', num(receipt, 'buildMs.sale-48 (model+layout+ESC/POS).p95'), 'ms', '—', null);
  return rows;
}

function main(): void {
  const rows = summaryRows();
  const verdict = (m: boolean | null, v: string) => (v === 'no result' ? 'no result' : m === null ? '' : m ? 'met' : 'NOT met');
  const w = [Math.max(...rows.map((r) => r.figure.length)), Math.max(...rows.map((r) => r.value.length)), Math.max(...rows.map((r) => r.goal.length))];
  console.log('\n' + ['figure'.padEnd(w[0]!), 'measured'.padEnd(w[1]!), 'goal'.padEnd(w[2]!), 'result'.padEnd(9), 'load then'].join(' │ '));
  console.log(['─'.repeat(w[0]!), '─'.repeat(w[1]!), '─'.repeat(w[2]!), '─'.repeat(9), '─'.repeat(9)].join('─┼─'));
  for (const r of rows) console.log([r.figure.padEnd(w[0]!), r.value.padEnd(w[1]!), r.goal.padEnd(w[2]!), verdict(r.met, r.value).padEnd(9), r.load === null ? '' : String(r.load)].join(' │ '));
  const goals = rows.filter((r) => r.met !== null);
  const met = goals.filter((r) => r.met).length;
  console.log(`\n${met} of ${goals.length} goals met (${rows.filter((r) => r.value === 'no result').length} figures without a result). Written bench/results/summary.json`);
  writeFileSync(join(DIR, 'summary.json'), JSON.stringify({ generatedAt: new Date().toISOString(), goalsMet: met, goals: goals.length, rows }, null, 2) + '\n');
}

main();
