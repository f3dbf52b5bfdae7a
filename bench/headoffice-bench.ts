/**
 * Head office figures (issue 14), on a real PostgreSQL (our own, from Debian's binaries, in a temp
 * folder; or BENCH_DATABASE_URL):
 *
 * 1. Ingest: 8 simulated terminals (BENCH_TERMINALS) push real events — written by the terminal's
 *    own PaymentRepo into a temp ledger each (created → ready_requested → ready → approve_requested →
 *    approved: 5 events a sale) — over HTTP to the real server, batches of 500, all terminals at
 *    once. Reported: events/s end to end (HTTP + validation + insert + read models). Target ≥ 5,000.
 * 2. Reports: 100 stores × 2 terminals × 1 year of generated history (BENCH_EVENTS events, default
 *    10,000,000, written with generate_series: events + rm_payments + rm_daily), then the dashboard's
 *    day and month reports through its HTTP endpoint (sales by store/terminal/method + top products +
 *    latest sales), p50 / p99 over BENCH_REPORTS runs each. Target p99 ≤ 100 ms.
 *
 * Run: npm run bench:headoffice  → prints, writes bench/results/headoffice.json and headoffice.md.
 * Generating 10M events takes minutes (once per run; BENCH_EVENTS=1000000 for a quick look).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { openLedger } from '../electron/core/db/open-ledger';
import { PaymentRepo } from '../electron/core/services/payment/payment-repo';
import { eventsAfter, terminalId } from '../electron/core/sync/event-log';
import { buildHeadOffice } from '../headoffice/server/app';
import { startEmbeddedPg } from '../headoffice/server/embedded-pg';
import { createEnrollmentCode, createStore, enroll } from '../headoffice/server/enrollment';
import { migrate } from '../headoffice/server/migrate';
import type { SyncEvent } from '../shared/sync-events';

const TERMINALS = Number(process.env.BENCH_TERMINALS ?? 8);
const SALES_PER_TERMINAL = Number(process.env.BENCH_SALES ?? 2500);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const REPORTS = Number(process.env.BENCH_REPORTS ?? 200);
const STORES = 100;
const TERMS_PER_STORE = 2;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!.toFixed(2));
};

function terminalEvents(n: number): { id: string; events: SyncEvent[]; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ho-bench-term-'));
  const db = openLedger(dir);
  db.pragma('synchronous = OFF');
  const repo = new PaymentRepo(db);
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const amount = 1000 + ((i * 7919) % 90) * 100;
      const vat = Math.round(amount / 11);
      const p = repo.create({ orderId: `B-${i}`, cid: 'CID', totals: { total: amount, taxFree: 0, taxable: amount, vat, supply: amount - vat, itemName: ['아메리카노', '카페라떼', '바닐라라떼', '녹차'][i % 4]!, quantity: 1 }, items: [{ name: '아메리카노', unitPrice: amount, quantity: 1, taxFree: false }], qrMasked: '****1234' });
      repo.transition(p.id, 'ready_requested');
      repo.transition(p.id, 'ready', { tid: `T${i}` });
      repo.transition(p.id, 'approve_requested');
      repo.transition(p.id, 'approved', { methodType: ['MONEY', 'CARD', 'POINT'][i % 3]!, approvedAt: new Date().toISOString() });
    }
  })();
  const out = { id: terminalId(db), events: eventsAfter(db, 0, 10_000_000), dir };
  db.close();
  return out;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  let stopPg = () => undefined as void;
  let url = process.env.BENCH_DATABASE_URL;
  const pgDir = mkdtempSync(join(tmpdir(), 'ho-bench-pg-'));
  if (!url) {
    const pg = await startEmbeddedPg(pgDir);
    url = pg.url;
    stopPg = () => pg.stop();
  }
  const pool = new Pool({ connectionString: url, max: 16 });
  const dirs: string[] = [pgDir];
  try {
    await migrate(pool);
    await pool.query('ALTER SYSTEM SET synchronous_commit = on');
    const app = await buildHeadOffice({ pool });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });

    // ── 1. ingest from 8 terminals ──
    const store = await createStore(pool, '벤치 매장');
    const terms = [];
    for (let i = 0; i < TERMINALS; i++) {
      const t = terminalEvents(SALES_PER_TERMINAL);
      dirs.push(t.dir);
      const { code } = await createEnrollmentCode(pool, store.id);
      const { key } = await enroll(pool, { code, terminalId: t.id, name: `POS ${i + 1}` });
      terms.push({ ...t, key });
    }
    const total = terms.reduce((a, t) => a + t.events.length, 0);
    const ti = performance.now();
    await Promise.all(
      terms.map(async (t) => {
        for (let i = 0; i < t.events.length; i += 500) {
          const res = await fetch(`${base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.key}` }, body: JSON.stringify({ terminalId: t.id, sentAt: new Date().toISOString(), events: t.events.slice(i, i + 500) }) });
          if (!res.ok) throw new Error(`ingest ${res.status}: ${await res.text()}`);
          await res.arrayBuffer();
        }
      }),
    );
    const ingestS = (performance.now() - ti) / 1000;
    const ingest = { terminals: TERMINALS, events: total, seconds: Number(ingestS.toFixed(2)), eventsPerSecond: Math.round(total / ingestS) };
    console.log(`ingest: ${total} events from ${TERMINALS} terminals in ${ingestS.toFixed(2)} s = ${ingest.eventsPerSecond} events/s`);
    const check = await pool.query<{ n: number }>("SELECT sum(sales_count)::int n FROM rm_daily WHERE store_id = $1", [store.id]);
    if (check.rows[0]!.n !== TERMINALS * SALES_PER_TERMINAL) throw new Error(`read model holds ${check.rows[0]!.n} sales`);

    // ── 2. a year of 100 stores ──
    const tg = performance.now();
    const perTerminal = Math.floor(EVENTS / (STORES * TERMS_PER_STORE));
    await pool.query(`INSERT INTO stores (id, name) SELECT 'G' || lpad(s::text, 3, '0'), '매장 ' || s FROM generate_series(1, ${STORES}) s`);
    await pool.query(
      `INSERT INTO terminals (id, store_id, name, key_hash, acked_seq, reported_seq)
       SELECT gen_random_uuid(), 'G' || lpad(s::text, 3, '0'), 'POS ' || t, md5(random()::text) || s || '-' || t, ${perTerminal}, ${perTerminal}
       FROM generate_series(1, ${STORES}) s, generate_series(1, ${TERMS_PER_STORE}) t`,
    );
    // bulk load as a restore would: keys, uniqueness and the foreign key are built once after the
    // load (a sort each) instead of checked row by row — the difference between hours and minutes at 10M
    await pool.query('SET maintenance_work_mem = \'256MB\'');
    await pool.query('ALTER TABLE events DROP CONSTRAINT IF EXISTS events_pkey, DROP CONSTRAINT IF EXISTS events_terminal_id_seq_key, DROP CONSTRAINT IF EXISTS events_terminal_id_fkey');
    await pool.query('DROP INDEX IF EXISTS rm_payments_store_day, rm_payments_day, rm_payments_approved');
    await pool.query('ALTER TABLE rm_payments DROP CONSTRAINT IF EXISTS rm_payments_pkey');
    const year0 = Date.UTC(2025, 0, 1) / 1000;
    // 4 events a sale: created, ready_requested, approve_requested, approved; spread evenly over 365 days
    await pool.query(
      `INSERT INTO events (id, terminal_id, seq, type, payload, created_at)
       SELECT gen_random_uuid(), t.id, g, 'payment.changed',
              jsonb_build_object('id', (g + 3) / 4, 'status', (ARRAY['created','ready_requested','approve_requested','approved'])[(g - 1) % 4 + 1], 'amount', 1000 + ((g * 7919) % 90) * 100),
              to_timestamp(${year0} + (g::float8 / ${perTerminal}) * 365 * 86400)
       FROM terminals t CROSS JOIN generate_series(1, ${perTerminal}) g WHERE t.store_id LIKE 'G%'`,
    );
    await pool.query(
      `INSERT INTO rm_payments (terminal_id, local_id, store_id, order_id, status, amount, tax_free, vat, item_name, method_type, approved_at, sale_day, created_at, updated_at)
       SELECT t.id, p, t.store_id, 'O' || p, 'approved', 1000 + ((p * 7919) % 90) * 100, 0, 0, (ARRAY['아메리카노','카페라떼','바닐라라떼','녹차','케이크'])[p % 5 + 1],
              (ARRAY['MONEY','CARD','POINT'])[p % 3 + 1], ts, (ts AT TIME ZONE 'Asia/Seoul')::date, ts, ts
       FROM terminals t CROSS JOIN generate_series(1, ${Math.floor(perTerminal / 4)}) p
       CROSS JOIN LATERAL (SELECT to_timestamp(${year0} + (p::float8 * 4 / ${perTerminal}) * 365 * 86400) AS ts) x
       WHERE t.store_id LIKE 'G%'`,
    );
    await pool.query(
      `INSERT INTO rm_daily (store_id, terminal_id, day, method, sales_count, sales_amount)
       SELECT store_id, terminal_id, sale_day, method_type, count(*), sum(amount) FROM rm_payments WHERE store_id LIKE 'G%' GROUP BY 1, 2, 3, 4`,
    );
    const tk = performance.now();
    await pool.query('ALTER TABLE events ADD PRIMARY KEY (id), ADD UNIQUE (terminal_id, seq), ADD FOREIGN KEY (terminal_id) REFERENCES terminals (id)');
    await pool.query('ALTER TABLE rm_payments ADD PRIMARY KEY (terminal_id, local_id)');
    await pool.query('CREATE INDEX rm_payments_store_day ON rm_payments (store_id, sale_day)');
    await pool.query("CREATE INDEX rm_payments_day ON rm_payments (sale_day) INCLUDE (item_name, amount) WHERE status = 'approved'");
    await pool.query("CREATE INDEX rm_payments_approved ON rm_payments (approved_at) WHERE status = 'approved'");
    console.log(`keys and indexes built after the load in ${((performance.now() - tk) / 1000).toFixed(0)} s`);
    await pool.query('VACUUM ANALYZE'); // as autovacuum would: the visibility map lets the covering indexes answer alone
    const genS = (performance.now() - tg) / 1000;
    const counts = (await pool.query<{ e: string; p: string; d: string; size: string }>("SELECT (SELECT count(*) FROM events) e, (SELECT count(*) FROM rm_payments) p, (SELECT count(*) FROM rm_daily) d, pg_size_pretty(pg_database_size(current_database())) size")).rows[0]!;
    console.log(`generated ${counts.e} events, ${counts.p} payments, ${counts.d} daily rows in ${genS.toFixed(0)} s (database ${counts.size})`);

    // dashboard login, then the report endpoint
    await fetch(`${base}/api/admin/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: 'bench-password' }) });
    const { token } = (await (await fetch(`${base}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: 'bench-password' }) })).json()) as { token: string };
    const time = async (from: string, to: string) => {
      const s = performance.now();
      const r = await fetch(`${base}/api/admin/report?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${token}` } });
      const j = (await r.json()) as { total: { salesCount: number } };
      // a day can be empty in a small run (BENCH_EVENTS low: sales days apart); a month never is
      if (!r.ok || (from !== to && j.total.salesCount <= 0)) throw new Error(`report ${from}..${to}: ${JSON.stringify(j)}`);
      return performance.now() - s;
    };
    const day = (i: number) => new Date(Date.UTC(2025, 0, 5 + ((i * 37) % 355))).toISOString().slice(0, 10);
    const month = (i: number) => {
      const m = i % 12;
      return [new Date(Date.UTC(2025, m, 1)).toISOString().slice(0, 10), new Date(Date.UTC(2025, m + 1, 0)).toISOString().slice(0, 10)] as const;
    };
    for (let i = 0; i < 10; i++) await time(day(i), day(i)); // warm-up
    const dayMs: number[] = [];
    const monthMs: number[] = [];
    for (let i = 0; i < REPORTS; i++) dayMs.push(await time(day(i), day(i)));
    for (let i = 0; i < REPORTS; i++) monthMs.push(await time(...month(i)));
    const reports = { runs: REPORTS, day: { p50: pct(dayMs, 50), p99: pct(dayMs, 99) }, month: { p50: pct(monthMs, 50), p99: pct(monthMs, 99) } };
    console.log(`reports (HTTP, all ${STORES} stores): day p50 ${reports.day.p50} ms p99 ${reports.day.p99} ms; month p50 ${reports.month.p50} ms p99 ${reports.month.p99} ms`);
    await app.close();

    const result = {
      date: new Date().toISOString(),
      machine: '2 shared cores (other jobs running)',
      ingest,
      data: { stores: STORES, terminals: STORES * TERMS_PER_STORE, events: Number(counts.e), payments: Number(counts.p), dailyRows: Number(counts.d), database: counts.size, generateSeconds: Math.round(genS) },
      reports,
      targets: { ingestEventsPerSecond: 5000, reportP99Ms: 100 },
      met: { ingest: ingest.eventsPerSecond >= 5000, day: reports.day.p99 <= 100, month: reports.month.p99 <= 100 },
      totalSeconds: Math.round((Date.now() - t0) / 1000),
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/headoffice.json', JSON.stringify(result, null, 2) + '\n');
    writeFileSync(
      'bench/results/headoffice.md',
      `# bench:headoffice (${result.date})\n\n` +
        `| figure | value | target |\n|---|---|---|\n` +
        `| ingest, ${TERMINALS} terminals over HTTP | ${ingest.eventsPerSecond} events/s (${total} events in ${ingest.seconds} s) | ≥ 5,000 |\n` +
        `| day report p50 / p99 (${result.data.events.toLocaleString('en')} events, ${STORES} stores) | ${reports.day.p50} / ${reports.day.p99} ms | p99 ≤ 100 ms |\n` +
        `| month report p50 / p99 | ${reports.month.p50} / ${reports.month.p99} ms | p99 ≤ 100 ms |\n` +
        `| generated data | ${result.data.events} events, ${result.data.payments} payments, ${result.data.dailyRows} daily rows, ${counts.size}, ${result.data.generateSeconds} s | |\n`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await pool.end();
    stopPg();
    if (!process.env.BENCH_KEEP) for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
