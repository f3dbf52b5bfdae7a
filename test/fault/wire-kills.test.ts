/**
 * Kills on the wire (issue 10): the terminal core runs in a child process and is SIGKILLed at the
 * instant the simulator signals a payment step's request as received (nothing done yet) or committed
 * (durable, the answer not yet written) — ready, approve, cancel and look-up — in scanned-QR sales
 * (OneQ and Kakao), refunds (OneQ and Kakao) and merchant-presented QR sales (both dialects, the child
 * approving as the customer's phone). Kills are aimed round-robin at the (scenario × step × phase)
 * cell with the fewest kills until each has WIRE_KILLS_MIN (default 1; 2 or 3 for a longer run), then WIRE_KILLS_EXTRA random
 * ones (default 1, over the whole run); WIRE_KILLS_ONLY="kakao refund" runs one scenario; each kill is followed by a restart on the same data dir, whose recovery settles
 * what the kill left open. Count-based: no timing decides which cell is hit, so a slow machine only
 * makes it slower. At the end every scenario's ledger is audited against the simulator's records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { LEDGER_FILE } from '../../electron/core/db/open-ledger';
import { startSimulator, type Simulator } from '../../electron/simulator/server';
import type { WireEvent, WirePhase, WireStep } from '../../electron/simulator/wire-events';
import { businessNo } from '../property/sim-harness';
import { CoreChild, bundleChild, type ChildEntry } from './core-process';
import { audit, holdings, ledgerHistory } from './ledger-audit';
import { prng } from './prng';
import { KillPlan, cellKey, killTable, shortCells, type Cell } from './wire-kill-plan';

const MIN = Number(process.env.WIRE_KILLS_MIN ?? 1);
const EXTRA = Number(process.env.WIRE_KILLS_EXTRA ?? 1);
const SEED = Number(process.env.KILL_SEED ?? 20261204);

type Dialect = 'oneqpay' | 'kakaopay';
type Flow = 'sale' | 'refund' | 'mpm';
interface Scenario {
  name: string;
  dialect: Dialect;
  flow: Flow;
  cells: { step: WireStep; phase: WirePhase }[];
}
const both = (steps: WireStep[]) => steps.flatMap((step) => (['received', 'committed'] as const).map((phase) => ({ step, phase })));
const SCENARIOS: Scenario[] = [
  { name: 'oneq sale', dialect: 'oneqpay', flow: 'sale', cells: both(['ready', 'approve', 'lookup']) },
  { name: 'kakao sale', dialect: 'kakaopay', flow: 'sale', cells: both(['ready', 'approve', 'lookup']) },
  { name: 'oneq refund', dialect: 'oneqpay', flow: 'refund', cells: both(['cancel']) },
  { name: 'kakao refund', dialect: 'kakaopay', flow: 'refund', cells: both(['cancel']) },
  { name: 'oneq mpm', dialect: 'oneqpay', flow: 'mpm', cells: both(['ready', 'approve', 'lookup']) },
  { name: 'kakao mpm', dialect: 'kakaopay', flow: 'mpm', cells: both(['ready', 'approve', 'lookup']) },
];

const dir = mkdtempSync(join(tmpdir(), 'wire-kill-'));
const simFile = join(dir, 'simulator.sqlite');
let sim: Simulator | null = null;
afterAll(async () => {
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Per dialect (the OneQ and the Kakao scenario of a flow run side by side): the armed kill, and the step requests in flight. */
const armed = new Map<Dialect, { child: CoreChild; cell: Cell; hit: boolean }>();
const inFlight = new Map<Dialect, number>();
function onWire(ev: WireEvent): void {
  inFlight.set(ev.dialect, Math.max(0, (inFlight.get(ev.dialect) ?? 0) + (ev.phase === 'received' ? 1 : -1)));
  const a = armed.get(ev.dialect);
  if (!a || a.hit || ev.step !== a.cell.step || ev.phase !== a.cell.phase) return;
  a.hit = true;
  void a.child.kill(); // SIGKILL is sent synchronously, before the simulator goes on with this request
}
/** A killed child's last request goes on in the simulator: wait until it is answered (bounded), so its events are not taken for the next child's. */
async function quiet(d: Dialect): Promise<void> {
  for (let i = 0; i < 200 && (inFlight.get(d) ?? 0) > 0; i++) await new Promise((r) => setTimeout(r, 25));
}

async function api(url: string, method: string, body?: unknown): Promise<unknown> {
  const res = await fetch(url, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: HTTP ${res.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : null;
}

interface Outcome {
  runs: number;
  misses: number;
  audit: ReturnType<typeof audit>;
  refunds: { ledgerCancelled: number; backendCancelled: number; open: number; doubles: number };
  why: (ids: string[]) => string;
}

async function runScenario(s: Scenario, plan: KillPlan, entry: ChildEntry, rnd: ReturnType<typeof prng>): Promise<Outcome> {
  const url = sim!.url;
  const dataDir = join(dir, s.name.replace(' ', '-'));
  const customers = [`wk-${s.dialect}-${s.flow}-a`, `wk-${s.dialect}-${s.flow}-b`];
  for (const id of customers) await api(`${url}/wallet/api/customers`, 'POST', { id, name: '김킬', accounts: [{ balance: 1_000_000_000 }] });
  const before = holdings(simFile, customers);
  const biz = businessNo();
  const required = plan.required.filter((c) => c.scenario === s.name);
  const maxRuns = required.length * MIN * 4 + EXTRA * 4 + 10;
  let runs = 0;
  let misses = 0;
  const start = (checkouts: number) => new CoreChild({ dataDir, backend: url, customers, entry, seed: rnd.int(1, 2 ** 31), checkouts, dialect: s.dialect, flow: s.flow, businessNo: biz });

  while (runs < maxRuns) {
    const cell = nextOf(plan, required);
    if (!cell) break;
    runs++;
    const tr = Date.now();
    const child = start(2);
    const a = { child, cell, hit: false };
    armed.set(s.dialect, a);
    const e = await child.waitFor((x) => x.ev === 'finished' || x.ev === 'error', 60_000);
    const hit = a.hit;
    armed.delete(s.dialect);
    await child.kill();
    await quiet(s.dialect);
    const err = child.events.find((x) => x.ev === 'error' || (x.ev === 'done' && x.status === 'error'));
    if (err) throw new Error(`${s.name} run ${runs} (${cellKey(cell)}): the child reported an error ${JSON.stringify(err)}; stderr ${child.stderrTail}`);
    if (process.env.WIRE_KILLS_TRACE) console.log(`[wire-kills] ${cellKey(cell)} ${hit ? 'killed' : 'missed'} after ${Date.now() - tr} ms; events ${child.events.map((x) => x.ev + (x.status ? `:${x.status}` : '')).join(' ')}`);
    if (hit) plan.note(cell);
    else if (e?.ev === 'finished') misses++; // the step did not occur in this run (e.g. nothing to look up): aim again
    else throw new Error(`${s.name} run ${runs}: neither killed nor finished; events ${JSON.stringify(child.events.slice(-5))}; stderr ${child.stderrTail}`);
  }

  // One last start settles everything the last kill left open.
  const last = start(0);
  const fin = await last.waitFor((x) => x.ev === 'finished' || x.ev === 'error', 60_000);
  await last.kill();
  expect(fin?.ev, `${s.name}: ${JSON.stringify(last.events)} ${last.stderrTail}`).toBe('finished');

  const ledgerFile = join(dataDir, LEDGER_FILE);
  const l = new Database(ledgerFile, { readonly: true });
  const cid = (l.prepare('SELECT cid FROM store_profile WHERE id = 1').get() as { cid: string }).cid;
  const ledgerCancelled = (l.prepare("SELECT COALESCE(SUM(amount), 0) AS s FROM refunds WHERE status = 'cancelled'").get() as { s: number }).s;
  const refundsOpen = (l.prepare("SELECT count(*) AS n FROM refunds WHERE status NOT IN ('cancelled', 'failed')").get() as { n: number }).n;
  const refundDoubles = (l.prepare("SELECT count(*) AS n FROM (SELECT payment_id, SUM(amount) AS s FROM refunds WHERE status = 'cancelled' GROUP BY payment_id) r JOIN payments p ON p.id = r.payment_id WHERE r.s > p.amount").get() as { n: number }).n;
  l.close();
  const b = new Database(simFile, { readonly: true });
  const backendCancelled = (b.prepare("SELECT COALESCE(SUM(a.amount), 0) AS s FROM payment_actions a JOIN payments p ON p.id = a.payment_id WHERE p.cid = ? AND a.type = 'CANCEL'").get(cid) as { s: number }).s;
  b.close();
  return {
    runs,
    misses,
    audit: audit(ledgerFile, simFile, cid, customers, before),
    refunds: { ledgerCancelled, backendCancelled, open: refundsOpen, doubles: refundDoubles },
    why: (ids) => JSON.stringify(ledgerHistory(ledgerFile, ids)),
  };
}

/** The plan's next cell among this scenario's. */
function nextOf(plan: KillPlan, required: readonly Cell[]): Cell | null {
  const sub = new KillPlan(required, plan.min, plan.extra, () => plan.random());
  for (const c of required) for (let i = 0; i < plan.count(c); i++) sub.note(c);
  return sub.next();
}

it(`SIGKILL at each wire event (≥ ${MIN} per scenario × step × phase, seed ${SEED}): nothing lost, nothing doubled, everything resolved`, async () => {
  const t0 = Date.now();
  const entry = await bundleChild(dir);
  sim = await startSimulator({ dbFile: simFile, port: 0, onWire });
  const rnd = prng(SEED);
  const required = SCENARIOS.filter((x) => !process.env.WIRE_KILLS_ONLY || x.name === process.env.WIRE_KILLS_ONLY).flatMap((s) => s.cells.map((c) => ({ scenario: s.name, ...c })));
  const plan = new KillPlan(required, MIN, EXTRA, () => rnd.next());
  const report: Record<string, unknown> = {};
  const failures: string[] = [];
  const only = process.env.WIRE_KILLS_ONLY;
  const chosen = SCENARIOS.filter((x) => !only || x.name === only);
  const outcomes = new Map<string, { o: Outcome; ms: number }>();
  // The OneQ and the Kakao scenario of each flow run side by side (wire events are told apart by dialect).
  for (const flow of ['sale', 'refund', 'mpm'] as const) {
    await Promise.all(
      chosen
        .filter((x) => x.flow === flow)
        .map(async (s) => {
          const ts = Date.now();
          const o = await runScenario(s, plan, entry, prng(rnd.int(1, 2 ** 31)));
          outcomes.set(s.name, { o, ms: Date.now() - ts });
        }),
    );
  }
  for (const s of chosen) {
    const { o, ms } = outcomes.get(s.name)!;
    const a = o.audit;
    report[s.name] = { ms, runs: o.runs, misses: o.misses, rows: a.ledgerRows, approved: a.approved, failed: a.failed, approvedSum: a.approvedSum, backendApprovedSum: a.backendApprovedSum, balanceDrop: a.balanceDrop, refunds: o.refunds };
    if (a.missing.length) failures.push(`${s.name}: approved at the backend, not in the ledger: ${o.why(a.missing)}`);
    if (a.phantom.length) failures.push(`${s.name}: approved in the ledger, not charged: ${o.why(a.phantom)}`);
    if (a.doubles.length) failures.push(`${s.name}: charged twice: ${o.why(a.doubles)}`);
    if (a.open.length) failures.push(`${s.name}: unresolved ${JSON.stringify(a.open)}`);
    if (a.approvedSum !== a.backendApprovedSum || a.balanceDrop !== a.backendApprovedSum - o.refunds.backendCancelled) failures.push(`${s.name}: sums ${JSON.stringify(report[s.name])}`);
    if (o.refunds.ledgerCancelled !== o.refunds.backendCancelled || o.refunds.open || o.refunds.doubles) failures.push(`${s.name}: refunds ${JSON.stringify(o.refunds)}`);
  }
  const table = killTable(plan.counts, required, MIN);
  console.log(`[wire-kills] seed ${SEED}, ${Math.round((Date.now() - t0) / 1000)} s\n${table}\n${JSON.stringify(report, null, 1)}`);
  expect(failures).toEqual([]);
  expect(shortCells(plan.counts, required, MIN), table).toEqual([]);
}, 240_000);
