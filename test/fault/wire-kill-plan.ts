/**
 * Which kill comes next in the wire-kill test (wire-kills.test.ts), and the per-cell table it reports.
 * A cell is (scenario × step × phase); kills are aimed at the required cell with the fewest kills
 * (round-robin) until every one has `min`, then at random required cells. Count-based, not timed.
 */
import type { WirePhase, WireStep } from '../../electron/simulator/wire-events';

export interface Cell {
  scenario: string;
  step: WireStep;
  phase: WirePhase;
}
export const cellKey = (c: Cell) => `${c.scenario} ${c.step} ${c.phase}`;

export class KillPlan {
  readonly counts = new Map<string, number>();
  constructor(
    readonly required: readonly Cell[],
    readonly min: number,
    readonly extra: number,
    private readonly rnd: () => number,
  ) {
    for (const c of required) this.counts.set(cellKey(c), 0);
  }
  random(): number {
    return this.rnd();
  }
  private total(): number {
    return [...this.counts.values()].reduce((s, n) => s + n, 0);
  }
  /** The next cell to aim at, or null when every cell has its minimum and the random extras are done. */
  next(): Cell | null {
    const short = this.required.filter((c) => this.count(c) < this.min);
    if (short.length > 0) return short.reduce((a, b) => (this.count(b) < this.count(a) ? b : a));
    if (this.total() >= this.required.length * this.min + this.extra) return null;
    return this.required[Math.floor(this.rnd() * this.required.length)] ?? null;
  }
  count(c: Cell): number {
    return this.counts.get(cellKey(c)) ?? 0;
  }
  note(c: Cell): void {
    this.counts.set(cellKey(c), this.count(c) + 1);
  }
}

/** Required cells below their minimum (what makes the test fail). */
export function shortCells(counts: ReadonlyMap<string, number>, required: readonly Cell[], min: number): string[] {
  return required.filter((c) => (counts.get(cellKey(c)) ?? 0) < min).map((c) => `${cellKey(c)}: ${counts.get(cellKey(c)) ?? 0} < ${min}`);
}

/** The kill table, one line per cell. */
export function killTable(counts: ReadonlyMap<string, number>, required: readonly Cell[], min: number): string {
  const rows = required.map((c) => {
    const n = counts.get(cellKey(c)) ?? 0;
    return `${c.scenario.padEnd(16)} ${c.step.padEnd(8)} ${c.phase.padEnd(10)} ${String(n).padStart(3)}${n < min ? `  < ${min} !` : ''}`;
  });
  return ['scenario         step     phase      kills', ...rows].join('\n');
}
