/**
 * How a history filter becomes SQL that stays fast on a year of payments. A payment's state is the
 * virtual column payments.history_state (migration 6: the rule of shared/domain/ledger/history-state.ts
 * over status, refunded_amount and open_refund, which triggers on refunds keep), so a state is an
 * equality on an indexed column, and so is a method.
 *
 * A page must come newest first and stop after `limit` rows, so every part of the query walks an index
 * in (created_at, id) order from the cursor:
 * - a tid / order id search: the planner's (tid and order id ranges, a handful of rows);
 * - chosen states and / or methods: one part per (state, method), each one range of payments_state_method,
 *   payments_state_created or payments_method_created, merged in order (SQLite's MERGE of UNION ALL
 *   reads each part lazily, so the page still stops after `limit`); the parts never overlap, since a
 *   payment has one state and one method;
 * - otherwise (or too many parts): payments_history (created_at, id, history_state, method_type, amount),
 *   which covers every filter column, walked in order.
 */
import { HISTORY_STATES, type HistoryFilter } from '../../../../shared/contract';
import { seoulDayRangeUtc } from '../../../../shared/domain/time';

export type Args = Record<string, string | number>;

/** More parts than this and one walk of payments_history is the better plan. */
const MAX_PARTS = 16;

export interface HistorySql {
  /** SELECTs (without ORDER BY) whose UNION ALL is the filter's result. */
  parts: string[];
  args: Args;
}

/** The smallest string above every string that starts with `prefix` (ids are ASCII letters, digits, '-'). */
const prefixEnd = (prefix: string) => `${prefix}~`;

/**
 * @param columns what each part selects (from `payments p`)
 * @param extra more conditions for every part (the cursor)
 */
export function historySql(f: HistoryFilter, columns: string, extra: readonly string[] = [], extraArgs: Args = {}): HistorySql {
  const common: string[] = [];
  const args: Args = { ...extraArgs };
  if (f.from) {
    common.push('p.created_at >= @start');
    args.start = seoulDayRangeUtc(f.from).start;
  }
  if (f.to) {
    common.push('p.created_at < @end');
    args.end = seoulDayRangeUtc(f.to).end;
  }
  if (f.minAmount !== undefined) {
    common.push('p.amount >= @minAmount');
    args.minAmount = f.minAmount;
  }
  if (f.maxAmount !== undefined) {
    common.push('p.amount <= @maxAmount');
    args.maxAmount = f.maxAmount;
  }
  common.push(...extra);
  const states = f.states && f.states.length < HISTORY_STATES.length ? [...new Set(f.states)] : [];
  const methods = f.methods ? [...new Set(f.methods)] : [];
  const where = (terms: readonly string[]) => (terms.length ? ` WHERE ${terms.join(' AND ')}` : '');

  const q = f.query?.trim().toUpperCase();
  if (q) {
    // Whole or the beginning of a tid or an order id: two index ranges (payments_tid, the order_id key).
    args.q = q;
    args.qEnd = prefixEnd(q);
    const terms = ['((p.tid >= @q AND p.tid < @qEnd) OR (p.order_id >= @q AND p.order_id < @qEnd))', ...common];
    if (states.length) {
      terms.push('p.history_state IN (SELECT value FROM json_each(@states))');
      args.states = JSON.stringify(states);
    }
    if (methods.length) {
      terms.push('p.method_type IN (SELECT value FROM json_each(@methods))');
      args.methods = JSON.stringify(methods);
    }
    return { parts: [`SELECT ${columns} FROM payments p${where(terms)}`], args };
  }

  const parts: string[] = [];
  const combos = (states.length || 1) * (methods.length || 1);
  if ((states.length || methods.length) && combos <= MAX_PARTS) {
    const index = states.length && methods.length ? 'payments_state_method' : states.length ? 'payments_state_created' : 'payments_method_created';
    (states.length ? states : [null]).forEach((s, i) => {
      (methods.length ? methods : [null]).forEach((m, j) => {
        const terms = [...common];
        if (s !== null) {
          terms.unshift(`p.history_state = @s${i}`);
          args[`s${i}`] = s;
        }
        if (m !== null) {
          terms.unshift(`p.method_type = @m${j}`);
          args[`m${j}`] = m;
        }
        parts.push(`SELECT ${columns} FROM payments p INDEXED BY ${index}${where(terms)}`);
      });
    });
    return { parts, args };
  }
  const terms = [...common];
  if (states.length) {
    terms.push('p.history_state IN (SELECT value FROM json_each(@states))');
    args.states = JSON.stringify(states);
  }
  if (methods.length) {
    terms.push('p.method_type IN (SELECT value FROM json_each(@methods))');
    args.methods = JSON.stringify(methods);
  }
  return { parts: [`SELECT ${columns} FROM payments p INDEXED BY payments_history${where(terms)}`], args };
}
