/**
 * Ledger figures on a year of data: 1,000,000 payments (BENCH_LEDGER_N) over 365 Seoul days, written
 * through the real schema (openLedger → migrations, triggers and indexes included) in bulk
 * transactions, with a realistic mix: ~95.5 % approved (계좌 / MONEY / CARD), failed, unknown and
 * in-flight payments, 1–4 items from a menu (some tax-free), the state history of each, ~3 % of the
 * sales cancelled (full or partial, some on later days, some failed or unknown), a sale receipt per
 * approved payment and a cancel receipt per cancel.
 *
 * Then, with the real query code (HistoryQuery, SettlementService, CsvExporter):
 *   history pages of 50 (several filter combinations, first and deep pages) p50 / p99,
 *   settlement of one day p50 / p99, CSV export of a month (time, bytes), database size,
 *   and the print queue's start-up look-ups over a year of jobs.
 * Targets: settlement ≤ 10 ms, page ≤ 5 ms.
 *
 * Run: npm run bench:ledger   → prints and writes bench/results/ledger.json and ledger.md
 * Print jobs carry a small placeholder input_json and no bytes (a real job keeps ~1–3 KB of both; the
 * size that adds is printed as an estimate). BENCH_KEEP=1 keeps the temp ledger.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { MIGRATIONS } from '../electron/core/db/migrations';
import { openLedger } from '../electron/core/db/open-ledger';
import { CsvExporter } from '../electron/core/services/ledger/csv-export';
import { HistoryQuery } from '../electron/core/services/ledger/history-query';
import { SettlementService } from '../electron/core/services/ledger/settlement-service';
import { PaymentRepo } from '../electron/core/services/payment/payment-repo';
import { PrinterService } from '../electron/core/services/printer/printer-service';
import { StoreRepo } from '../electron/core/services/store/store-repo';
import type { SearchPaymentsInput } from '../shared/contract';
import { cartTotals, type CartItem } from '../shared/domain/cart';
import { DEFAULT_PRINTER_SETTINGS } from '../shared/domain/receipt/printer-settings';
import { addSeoulDays, seoulDayRangeUtc } from '../shared/domain/time';
import { saleInput, SAMPLE_STORE } from '../test/fixtures/receipts/sample-input';
import { encodeReceipt } from '../electron/core/services/printer/escpos-encoder';
import { getProfile } from '../electron/core/services/printer/profiles';

const N = Number(process.env.BENCH_LEDGER_N ?? 1_000_000);
const DAYS = 365;
const LAST_DAY = '2026-11-22';
const FIRST_DAY = addSeoulDays(LAST_DAY, -(DAYS - 1));
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

// ── deterministic randomness ─────────────────────────────────────────────────────────────────────
let seed = 20261122;
const rnd = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

const MENU: readonly CartItem[] = [
  ['아메리카노', 4500],
  ['카페라테', 5000],
  ['바닐라라테', 5500],
  ['콜드브루', 5000],
  ['아이스티', 4000],
  ['녹차라테', 5500],
  ['크루아상', 3800],
  ['베이글', 3500],
  ['샌드위치', 6800],
  ['치즈케이크', 6500],
  ['마카롱', 2800],
  ['쿠키', 2500],
  ['샐러드', 8900],
  ['파스타', 12_900],
  ['원두 200g', 15_000],
].map(([name, unitPrice]) => ({ name: name as string, unitPrice: unitPrice as number, quantity: 1, taxFree: false }));
const TAX_FREE: readonly CartItem[] = [
  { name: '생수', unitPrice: 1000, quantity: 1, taxFree: true },
  { name: '바나나', unitPrice: 1500, quantity: 1, taxFree: true },
  { name: '우유 1L', unitPrice: 2900, quantity: 1, taxFree: true },
];

function items(): CartItem[] {
  const n = 1 + Math.floor(rnd() ** 2 * 4);
  const out: CartItem[] = [];
  for (let i = 0; i < n; i++) {
    const base = rnd() < 0.08 ? pick(TAX_FREE) : pick(MENU);
    out.push({ ...base, quantity: rnd() < 0.8 ? 1 : 2 + Math.floor(rnd() * 3) });
  }
  if (rnd() < 0.01) out.push({ name: '단체 주문', unitPrice: 50_000 + Math.floor(rnd() * 20) * 10_000, quantity: 1, taxFree: false });
  return out;
}

const ALPHA = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function orderId(day: string, i: number): string {
  let s = '';
  let x = i;
  for (let k = 0; k < 8; k++) {
    s = ALPHA[x & 31] + s;
    x >>>= 5;
  }
  return `${day.replaceAll('-', '')}-${s}`;
}

// ── generation ───────────────────────────────────────────────────────────────────────────────────
interface Gen {
  payments: number;
  refunds: number;
  events: number;
  printJobs: number;
  seconds: number;
}

function generate(db: Database.Database): Gen {
  const t0 = performance.now();
  // A throw-away ledger: no journal while filling it (the schema, triggers and indexes are the real ones).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  const insP = db.prepare(
    `INSERT INTO payments (id, order_id, cid, status, amount, tax_free, vat, supply, item_name, quantity, items_json, qr_masked, tid, method_type, approved_at, error_code, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insE = db.prepare('INSERT INTO payment_events (payment_id, status, at, detail) VALUES (?, ?, ?, ?)');
  const insR = db.prepare(
    `INSERT INTO refunds (payment_id, request_id, status, amount, tax_free, vat, aid, cancelled_at, error_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insJ = db.prepare(
    `INSERT INTO print_jobs (printer, payment_id, refund_id, kind, copy, input_json, status, attempts, last_error, created_at, updated_at, sent_at, printed_at) VALUES ('tcp:192.168.0.50:9100', ?, ?, ?, 'original', ?, ?, 1, ?, ?, ?, ?, ?)`,
  );
  // Busier weekends, ±10 % day to day; the targets add up to N exactly.
  const weights = Array.from({ length: DAYS }, (_, d) => {
    const weekday = new Date(Date.parse(seoulDayRangeUtc(addSeoulDays(FIRST_DAY, d)).start) + 9 * 3600_000).getUTCDay();
    return (weekday === 0 || weekday === 6 ? 1.25 : 0.9) * (0.9 + rnd() * 0.2);
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const targets = weights.map((w) => Math.floor((N * w) / sum));
  targets[DAYS - 1]! += N - targets.reduce((a, b) => a + b, 0);
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('temp_store = MEMORY');
  let id = 0;
  let refunds = 0;
  let events = 0;
  let jobs = 0;
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let d = 0; d < DAYS; d++) {
    const day = addSeoulDays(FIRST_DAY, d);
    const start = Date.parse(seoulDayRangeUtc(day).start);
    const target = targets[d]!;
    // opening 07:00–23:00, busier at lunch and in the evening
    const times: number[] = [];
    for (let i = 0; i < target; i++) {
      const h = rnd() < 0.35 ? 11.5 + rnd() * 2 : rnd() < 0.4 ? 17.5 + rnd() * 3 : 7 + rnd() * 16;
      times.push(start + Math.floor(h * 3600_000));
    }
    times.sort((a, b) => a - b);
    db.transaction(() => {
      for (const t of times) {
        id++;
        const its = items();
        const tot = cartTotals(its);
        const r = rnd();
        const status = r < 0.955 ? 'approved' : r < 0.995 ? 'failed' : r < 0.998 ? 'unknown' : rnd() < 0.5 ? 'ready' : 'approve_requested';
        const method = status === 'approved' ? (rnd() < 0.55 ? '계좌' : rnd() < 0.67 ? 'MONEY' : 'CARD') : null;
        const created = iso(t);
        const approved = status === 'approved' ? iso(t + 1500 + Math.floor(rnd() * 3000)) : null;
        const tid = status === 'failed' && rnd() < 0.5 ? null : String(1_000_000_000 + id);
        const err = status === 'failed' ? pick(['INSUFFICIENT_BALANCE', 'QR_EXPIRED', 'CUSTOMER_QUIT', 'CREDIT_LIMIT_EXCEEDED']) : status === 'unknown' ? 'BACKEND_UNKNOWN' : null;
        insP.run(id, orderId(day, id), SAMPLE_STORE.cid, status, tot.total, tot.taxFree, tot.vat, tot.supply, tot.itemName, tot.quantity, JSON.stringify(its), 'ONEQ1.****', tid, method, approved, err, created, approved ?? created);
        const steps = status === 'approved' ? ['created', 'ready_requested', 'ready', 'approve_requested', 'approved'] : status === 'failed' ? ['created', 'ready_requested', 'ready', 'approve_requested', 'failed'] : ['created', 'ready_requested', 'ready', 'approve_requested', status];
        const last = status === 'ready' ? 3 : steps.length;
        for (let k = 0; k < last; k++) insE.run(id, steps[k], iso(t + k * 400), k === last - 1 ? err : null);
        events += last;
        if (status !== 'approved') continue;
        const printed = rnd() < 0.99;
        insJ.run(id, null, 'sale', '{"kind":"sale","bench":true}', printed ? 'printed' : 'failed', printed ? null : 'paper_out', approved, approved, approved, printed ? approved : null);
        jobs++;
        if (rnd() < 0.03) {
          const full = rnd() < 0.6 || tot.total < 2000;
          const amount = full ? tot.total : Math.max(1000, Math.floor((tot.total * (0.2 + rnd() * 0.6)) / 100) * 100);
          const taxFree = full ? tot.taxFree : Math.min(tot.taxFree, Math.floor((amount * tot.taxFree) / tot.total));
          const later = rnd() < 0.3;
          const at = t + (later ? (1 + Math.floor(rnd() * 7)) * 86_400_000 : 60_000 + Math.floor(rnd() * 4 * 3600_000));
          const rs = rnd();
          const rstatus = rs < 0.975 ? 'cancelled' : rs < 0.995 ? 'failed' : 'unknown';
          const vat = rstatus === 'cancelled' ? Math.round((amount - taxFree) / 11) : 0;
          const info = insR.run(id, `${orderId(day, id)}-C1`, rstatus, amount, taxFree, vat, rstatus === 'cancelled' ? `A${id}` : null, rstatus === 'cancelled' ? iso(at + 800) : null, rstatus === 'failed' ? 'BACKEND_REJECTED' : rstatus === 'unknown' ? 'REFUND_UNKNOWN' : null, iso(at), iso(at + 800));
          refunds++;
          for (const [k, st] of ['refund.created', 'refund.cancel_requested', `refund.${rstatus}`].entries()) insE.run(id, st, iso(at + k * 400), `refund #${info.lastInsertRowid}`);
          events += 3;
          if (rstatus === 'cancelled') {
            insJ.run(id, Number(info.lastInsertRowid), 'cancel', '{"kind":"cancel","bench":true}', 'printed', null, iso(at + 900), iso(at + 900), iso(at + 900), iso(at + 1500));
            jobs++;
          }
        }
      }
    })();
    if (d % 73 === 72) process.stdout.write(`  generated ${id.toLocaleString('en-US')} payments (${Math.round((performance.now() - t0) / 1000)} s)\n`);
  }
  db.pragma('locking_mode = NORMAL');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -2000'); // measure with SQLite's default page cache, as the app runs
  return { payments: id, refunds, events, printJobs: jobs, seconds: round((performance.now() - t0) / 1000, 1) };
}

// ── measuring ────────────────────────────────────────────────────────────────────────────────────
const round = (x: number, d = 3) => Number(x.toFixed(d));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
function measure(fn: (i: number) => void, runs = RUNS): { p50: number; p99: number; max: number } {
  for (let i = 0; i < Math.min(20, runs); i++) fn(i); // warm-up (statements prepared, pages cached)
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    fn(i);
    t.push(performance.now() - a);
  }
  return { p50: round(pct(t, 50)), p99: round(pct(t, 99)), max: round(Math.max(...t)) };
}

const randomDay = () => addSeoulDays(FIRST_DAY, Math.floor(rnd() * DAYS));
const monthOf = (day: string) => ({ from: addSeoulDays(day, -29), to: day });

interface PageCase {
  name: string;
  filter: () => Omit<SearchPaymentsInput, 'cursor' | 'limit'>;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  console.log(`ledger bench: ${N.toLocaleString('en-US')} payments over ${DAYS} days (${FIRST_DAY} … ${LAST_DAY}) in ${dir}`);
  const db = openLedger(dir);
  new StoreRepo(db).save(SAMPLE_STORE);
  const gen = generate(db);
  console.log(`generated in ${gen.seconds} s: ${gen.payments.toLocaleString('en-US')} payments, ${gen.refunds.toLocaleString('en-US')} cancels, ${gen.events.toLocaleString('en-US')} events, ${gen.printJobs.toLocaleString('en-US')} print jobs`);

  const sizeOf = (f: string) => {
    try {
      return statSync(join(dir, f)).size;
    } catch {
      return 0;
    }
  };
  const dbBytes = sizeOf('ledger.sqlite') + sizeOf('ledger.sqlite-wal');
  const tableBytes = (() => {
    try {
      return Object.fromEntries((db.prepare(`SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 12`).all() as { name: string; bytes: number }[]).map((r) => [r.name, r.bytes]));
    } catch {
      return null; // dbstat not compiled in
    }
  })();
  const realJob = JSON.stringify(saleInput(42)).length + encodeReceipt(saleInput(42), getProfile('epson')).bytes.length;

  // The print queue's start-up look-ups (constructor: recoverAfterRestart) over a year of jobs.
  let t = performance.now();
  const printer = new PrinterService(db, () => DEFAULT_PRINTER_SETTINGS);
  const printerStartMs = round(performance.now() - t);
  t = performance.now();
  printer.queue.autoRetryable();
  const retryScanMs = round(performance.now() - t);

  const history = new HistoryQuery(db);
  const settlement = new SettlementService(db, printer, () => new Date(seoulDayRangeUtc(LAST_DAY).end));
  const csv = new CsvExporter(db);
  const repo = new PaymentRepo(db);

  const someTid = (db.prepare('SELECT tid FROM payments WHERE id = ?').get(Math.floor(N / 2)) as { tid: string }).tid;
  const someOrder = (db.prepare('SELECT order_id FROM payments WHERE id = ?').get(Math.floor(N / 3)) as { order_id: string }).order_id;
  const cases: PageCase[] = [
    { name: 'all, no filter', filter: () => ({}) },
    { name: 'one day', filter: () => ({ from: randomDay(), to: undefined }) },
    { name: 'one day (from = to)', filter: () => ((d) => ({ from: d, to: d }))(randomDay()) },
    { name: 'a month', filter: () => monthOf(randomDay()) },
    { name: 'a month, MONEY', filter: () => ({ ...monthOf(randomDay()), methods: ['MONEY'] }) },
    { name: 'a month, CARD + MONEY', filter: () => ({ ...monthOf(randomDay()), methods: ['CARD', 'MONEY'] }) },
    { name: 'a month, 10,000–20,000원', filter: () => ({ ...monthOf(randomDay()), minAmount: 10_000, maxAmount: 20_000 }) },
    { name: 'a month, refunded fully', filter: () => ({ ...monthOf(randomDay()), states: ['refunded_full'] }) },
    { name: 'a month, refunded partially', filter: () => ({ ...monthOf(randomDay()), states: ['refunded_partial'] }) },
    { name: 'a year, failed', filter: () => ({ states: ['failed'] }) },
    { name: 'a year, failed, MONEY (none match)', filter: () => ({ states: ['failed'], methods: ['MONEY'] }) },
    { name: 'a year, unknown', filter: () => ({ states: ['unknown'] }) },
    { name: 'a year, approved (not cancelled)', filter: () => ({ states: ['approved'] }) },
    { name: 'a year, ≥ 50,000원', filter: () => ({ minAmount: 50_000 }) },
    { name: 'a year, MONEY, failed + unknown', filter: () => ({ methods: ['MONEY'], states: ['failed', 'unknown'] }) },
    { name: 'a month, MONEY + CARD, 3 states, ≥ 10,000원', filter: () => ({ ...monthOf(randomDay()), methods: ['MONEY', 'CARD'], states: ['approved', 'refunded_partial', 'refunded_full'], minAmount: 10_000 }) },
    { name: 'search tid (whole)', filter: () => ({ query: someTid }) },
    { name: 'search order id (whole)', filter: () => ({ query: someOrder }) },
    { name: 'search tid prefix (7 digits)', filter: () => ({ query: someTid.slice(0, 7) }) },
  ];

  const pages: Record<string, unknown>[] = [];
  console.log('\nhistory pages (50 rows), ms:');
  console.log(`  ${'filter'.padEnd(36)} ${'first p50'.padStart(9)} ${'p99'.padStart(7)}   ${'deep p50'.padStart(8)} ${'p99'.padStart(7)}  depth  rows/page   ${'count p50'.padStart(9)}  total`);
  for (const c of cases) {
    // First page.
    const filters = Array.from({ length: RUNS + 20 }, () => c.filter());
    const first = measure((i) => history.search({ ...filters[i]!, limit: 50 }));
    // Deep page: walk 40 pages (or to the end) of one filter, then time that page again and again.
    const f = filters[0]!;
    let cursor: string | undefined;
    let depth = 0;
    let rows = 0;
    for (; depth < 40; depth++) {
      const p = history.search({ ...f, limit: 50, ...(cursor ? { cursor } : {}) });
      rows = p.rows.length;
      if (!p.nextCursor) break;
      cursor = p.nextCursor;
    }
    const deep = cursor ? measure(() => history.search({ ...f, limit: 50, cursor })) : null;
    // The count (countPayments, asked apart from the page), capped at 10,000 matches.
    const counted = history.count(f);
    const count = measure((i) => history.count(filters[i]!), Math.max(10, Math.floor(RUNS / 10)));
    pages.push({ filter: c.name, first, deep, deepPage: depth + 1, rowsOnPage: rows, count, total: counted.total, totalCapped: counted.capped });
    console.log(
      `  ${c.name.padEnd(36)} ${String(first.p50).padStart(9)} ${String(first.p99).padStart(7)}   ${String(deep?.p50 ?? '-').padStart(8)} ${String(deep?.p99 ?? '-').padStart(7)}  ${String(depth + 1).padStart(5)}  ${String(rows).padStart(9)}   ${String(count.p50).padStart(9)}  ${counted.total}${counted.capped ? '+' : ''}`,
    );
  }

  // Detail of one payment (the detail view).
  const detail = measure(() => {
    const id = 1 + Math.floor(rnd() * N);
    repo.get(id);
    repo.history(id);
    printer.jobs({ paymentId: id });
  });

  // Settlement of one (random) day, the live report (open day).
  const days = Array.from({ length: RUNS + 20 }, randomDay);
  const settle = measure((i) => settlement.get(days[i]!));
  const sample = settlement.get(LAST_DAY).report;
  console.log(`\nsettlement of one day (~${Math.round(N / DAYS)} payments): p50 ${settle.p50} ms, p99 ${settle.p99} ms (target ≤ 10 ms)`);
  console.log(`  e.g. ${LAST_DAY}: ${sample.sales.count} sales ${sample.sales.amount.toLocaleString('en-US')}원, ${sample.cancels.count} cancels, net ${sample.net.amount.toLocaleString('en-US')}원, ${sample.warnings.unprintedReceipts.count} unprinted`);
  console.log(`detail view (payment + history + jobs): p50 ${detail.p50} ms, p99 ${detail.p99} ms`);

  // CSV of a month.
  const csvRuns: { ms: number; bytes: number; rows: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const m = monthOf(addSeoulDays(LAST_DAY, -i * 30));
    const a = performance.now();
    const out = csv.export(m.from, m.to);
    csvRuns.push({ ms: round(performance.now() - a, 1), bytes: out.bytes, rows: out.rows });
  }
  const csvMedian = [...csvRuns].sort((a, b) => a.ms - b.ms)[1]!;
  console.log(`CSV of a month (30 days): ${csvMedian.ms} ms, ${(csvMedian.bytes / 1e6).toFixed(1)} MB, ${csvMedian.rows.toLocaleString('en-US')} rows (runs: ${csvRuns.map((r) => r.ms).join(', ')} ms)`);
  console.log(`database: ${(dbBytes / 1e6).toFixed(0)} MB (${round(dbBytes / N, 0)} bytes a payment); a real print job adds ~${(realJob / 1024).toFixed(1)} KB (input + bytes) → +${((realJob * gen.printJobs) / 1e9).toFixed(1)} GB a year`);
  console.log(`print queue at start: recoverAfterRestart ${printerStartMs} ms, autoRetryable ${retryScanMs} ms`);

  const worstPage = Math.max(...pages.flatMap((p) => [(p.first as { p99: number }).p99, (p.deep as { p99: number } | null)?.p99 ?? 0]));
  const result = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    payments: gen.payments,
    days: DAYS,
    generation: gen,
    targets: { settlementMs: 10, pageMs: 5 },
    met: { settlement: settle.p99 <= 10, pages: pages.every((p) => (p.first as { p99: number }).p99 <= 5 && ((p.deep as { p99: number } | null)?.p99 ?? 0) <= 5) },
    historyPages: pages,
    worstPageP99: worstPage,
    detail,
    settlement: { ...settle, sampleDay: LAST_DAY, sales: sample.sales.count, cancels: sample.cancels.count },
    csvMonth: { ...csvMedian, runs: csvRuns },
    database: { bytes: dbBytes, bytesPerPayment: round(dbBytes / N, 0), tables: tableBytes, realPrintJobBytes: realJob },
    printQueueStart: { recoverAfterRestartMs: printerStartMs, autoRetryableMs: retryScanMs },
  };
  const out = join(__dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'ledger.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(out, 'ledger.md'), markdown(result));
  console.log(`\nwrote bench/results/ledger.json and ledger.md`);
  db.close();
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}

function markdown(r: {
  payments: number;
  generation: Gen;
  historyPages: Record<string, unknown>[];
  settlement: { p50: number; p99: number };
  detail: { p50: number; p99: number };
  csvMonth: { ms: number; bytes: number; rows: number };
  database: { bytes: number; bytesPerPayment: number; realPrintJobBytes: number };
  printQueueStart: { recoverAfterRestartMs: number; autoRetryableMs: number };
  met: { settlement: boolean; pages: boolean };
  node: string;
}): string {
  const rows = r.historyPages.map((p) => {
    const f = p.first as { p50: number; p99: number };
    const d = p.deep as { p50: number; p99: number } | null;
    const c = p.count as { p50: number; p99: number };
    return `| ${String(p.filter)} | ${f.p50} | ${f.p99} | ${d ? `${d.p50} | ${d.p99} | ${String(p.deepPage)}` : '- | - | -'} | ${c.p50} / ${c.p99} | ${String(p.total)}${p.totalCapped ? '+' : ''} |`;
  });
  return `# Ledger benchmark (\`npm run bench:ledger\`)

${r.payments.toLocaleString('en-US')} payments over 365 Seoul days through the real schema (migrations 1–${MIGRATIONS.length}), ${r.generation.refunds.toLocaleString('en-US')} cancels,
${r.generation.events.toLocaleString('en-US')} state-history rows, ${r.generation.printJobs.toLocaleString('en-US')} print jobs; generated in ${r.generation.seconds} s. Node ${r.node}, 2 shared cores.

Targets: settlement ≤ 10 ms (p99) — ${r.met.settlement ? 'met' : 'NOT met'}; a page ≤ 5 ms (p99, first and deep pages of every filter) — ${r.met.pages ? 'met' : 'NOT met'}.

| history page of 50, filter | first p50 ms | first p99 ms | deep p50 ms | deep p99 ms | deep page | countPayments p50 / p99 ms | count (capped 10,000) |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

- Settlement of one day (live report incl. warnings): p50 ${r.settlement.p50} ms, p99 ${r.settlement.p99} ms.
- Detail view (payment + state history + print jobs): p50 ${r.detail.p50} ms, p99 ${r.detail.p99} ms.
- CSV of a month: ${r.csvMonth.ms} ms, ${(r.csvMonth.bytes / 1e6).toFixed(1)} MB, ${r.csvMonth.rows.toLocaleString('en-US')} rows.
- Database: ${(r.database.bytes / 1e6).toFixed(0)} MB (${r.database.bytesPerPayment} bytes a payment with its history); print jobs here carry a placeholder:
  a real job keeps ~${(r.database.realPrintJobBytes / 1024).toFixed(1)} KB (input JSON + ESC/POS bytes), i.e. about +${((r.database.realPrintJobBytes * r.generation.printJobs) / 1e9).toFixed(1)} GB a year.
- Print queue start-up look-ups over a year of jobs: ${r.printQueueStart.recoverAfterRestartMs} ms (recover) + ${r.printQueueStart.autoRetryableMs} ms (retryable).
`;
}

main();
