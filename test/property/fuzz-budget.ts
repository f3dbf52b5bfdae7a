/**
 * The fuzz set (test/property/fuzz-*.test.ts): one table of properties and their run counts, a seeded
 * runner, and the one-line summaries printed after each file.
 *
 *   FUZZ_SEED=<int>   reproduce or vary a run (default fixed: results are reproducible)
 *   FUZZ_SCALE=<n>    multiply every run count (e.g. 10 for a long local fuzz session)
 *
 * Every property must run exactly its budgeted count (checked), so FUZZ_TOTAL is what actually ran.
 */
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';

export const FUZZ_SEED = Number.parseInt(process.env.FUZZ_SEED ?? '20261122', 10);
const SCALE = Math.max(0.01, Number(process.env.FUZZ_SCALE ?? '1') || 1);

export const BUDGET = {
  'qr: arbitrary text never throws, ok only for a canonical payload': 20_000,
  'qr: near-valid mutations (flip, truncate, case, space, garbage)': 20_000,
  'qr: every generated payload parses to itself': 5_000,
  'qr: mask and scan events never echo more than the masked form': 5_000,
  'router: arbitrary values for every method': 20_000,
  'router: schema-shaped inputs for every method': 25_000,
  'router: unknown method names': 5_000,
  'gateway oneqpay: fuzzed HTTP answers': 1_200,
  'gateway kakaopay: fuzzed HTTP answers': 1_300,
} as const;
export type PropertyName = keyof typeof BUDGET;

const runs = (name: PropertyName) => Math.max(1, Math.round(BUDGET[name] * SCALE));
export const FUZZ_TOTAL = (Object.keys(BUDGET) as PropertyName[]).reduce((n, k) => n + runs(k), 0);

interface Ran {
  name: PropertyName;
  runs: number;
  ms: number;
}
const ran: Ran[] = [];

function record(name: PropertyName, d: { numRuns: number }, t0: number): void {
  expect(d.numRuns, `${name}: ran ${d.numRuns} of ${runs(name)}`).toBe(runs(name));
  ran.push({ name, runs: d.numRuns, ms: performance.now() - t0 });
}

function failure(name: PropertyName, report: string | undefined, cause: unknown): Error {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new Error(`${name}\n${report ?? 'failed'}\nError: ${why}`, { cause });
}

export function fuzz<Ts>(name: PropertyName, prop: fc.IProperty<Ts>): void {
  const t0 = performance.now();
  const d = fc.check(prop, { seed: FUZZ_SEED, numRuns: runs(name) });
  if (d.failed) throw failure(name, fc.defaultReportMessage(d), d.errorInstance);
  record(name, d, t0);
}

export async function fuzzAsync<Ts>(name: PropertyName, prop: fc.IAsyncProperty<Ts>): Promise<void> {
  const t0 = performance.now();
  const d = await fc.check(prop, { seed: FUZZ_SEED, numRuns: runs(name) });
  if (d.failed) throw failure(name, await fc.asyncDefaultReportMessage(d), d.errorInstance);
  record(name, d, t0);
}

/** Prints one line per property of this file and the whole set's total; fails the file on an unhandled rejection. */
export function fuzzFile(file: string): { unhandled: unknown[] } {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
    for (const r of ran) console.log(`[fuzz] ${r.name}: ${r.runs} runs in ${(r.ms / 1000).toFixed(1)} s (seed ${FUZZ_SEED})`);
    const mine = ran.reduce((n, r) => n + r.runs, 0);
    console.log(`[fuzz] ${file}: ${mine} runs; fuzz set total ${FUZZ_TOTAL} runs (test/property/fuzz-budget.ts)`);
    expect(unhandled, 'unhandled rejections').toEqual([]);
  });
  return { unhandled };
}
