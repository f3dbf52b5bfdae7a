/**
 * The wire-kill test's plan and its per-cell check (wire-kill-plan.ts): the check fails when a cell
 * is short (as a timing-based kill schedule leaves cells whose window it never hit), and the plan
 * aims round-robin at the emptiest cell, so `min` kills per cell are reached in cells × min kills.
 */
import { describe, expect, it } from 'vitest';
import { prng } from './prng';
import { KillPlan, cellKey, killTable, shortCells, type Cell } from './wire-kill-plan';

const cells: Cell[] = [
  { scenario: 'oneq sale', step: 'ready', phase: 'received' },
  { scenario: 'oneq sale', step: 'ready', phase: 'committed' },
  { scenario: 'kakao sale', step: 'approve', phase: 'committed' },
  { scenario: 'oneq refund', step: 'cancel', phase: 'received' },
];

describe('wire kill plan', () => {
  it('reports a cell below its minimum (and only those), and marks it in the table', () => {
    const counts = new Map([
      [cellKey(cells[0]!), 3],
      [cellKey(cells[1]!), 2],
      [cellKey(cells[2]!), 1],
    ]);
    expect(shortCells(counts, cells, 2)).toEqual(['kakao sale approve committed: 1 < 2', 'oneq refund cancel received: 0 < 2']);
    expect(killTable(counts, cells, 2).split('\n')).toEqual([
      'scenario         step     phase      kills',
      'oneq sale        ready    received     3',
      'oneq sale        ready    committed    2',
      'kakao sale       approve  committed    1  < 2 !',
      'oneq refund      cancel   received     0  < 2 !',
    ]);
  });

  it('a kill schedule by random delays leaves short cells; the plan reaches every minimum in cells × min kills', () => {
    // Random timing: each kill lands in a cell with the probability of its time window (a ready's
    // "received" window is short); 12 kills leave the short windows empty with this seed.
    const r = prng(7);
    const weights = [0.02, 0.48, 0.48, 0.02];
    const timed = new Map<string, number>();
    for (let i = 0; i < 12; i++) {
      let x = r.next();
      const k = weights.findIndex((w) => (x -= w) < 0);
      const c = cells[k === -1 ? 3 : k]!;
      timed.set(cellKey(c), (timed.get(cellKey(c)) ?? 0) + 1);
    }
    expect(shortCells(timed, cells, 2)).not.toEqual([]);

    const plan = new KillPlan(cells, 2, 3, prng(7).next);
    let aimed = 0;
    for (let c = plan.next(); c; c = plan.next()) {
      plan.note(c);
      aimed++;
      if (aimed === cells.length * 2) expect(shortCells(plan.counts, cells, 2)).toEqual([]);
    }
    expect(aimed).toBe(cells.length * 2 + 3);
    expect(shortCells(plan.counts, cells, 2)).toEqual([]);
  });
});
