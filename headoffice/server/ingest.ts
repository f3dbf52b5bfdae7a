/**
 * Idempotent ingest of one terminal's event batch (issue 14). The whole batch is one transaction,
 * serialized per terminal (the terminal row is locked); it is either applied whole or refused whole
 * with a reason, and a refusal changes nothing stored (only a line in ingest_refusals).
 *
 *   - events already held (seq ≤ acked) must be byte-for-byte the same fact (id, type, payload,
 *     created_at): a replay is a no-op, an altered event is ALTERED_EVENT;
 *   - new events must continue the sequence with no gap (first = acked + 1, then + 1 each): GAP;
 *   - INSERT … ON CONFLICT DO NOTHING on the event id, with UNIQUE (terminal_id, seq) behind it;
 *   - the answer is the highest contiguous sequence held (terminals.acked_seq).
 */
import type { Pool } from 'pg';
import { payloadError, type IngestRefusal, type IngestRequest, type IngestResponse } from '../../shared/sync-events';
import { applyReadModels } from './read-models';

export const MAX_CLOCK_SKEW_MS = 10 * 60_000;

export class Refused extends Error {
  constructor(
    readonly reason: IngestRefusal,
    message: string,
  ) {
    super(message);
  }
}

export async function ingest(pool: Pool, authTerminal: string, req: IngestRequest, now: Date = new Date()): Promise<IngestResponse & { storeId: string; fromSeq: number }> {
  try {
    return await ingestOnce(pool, authTerminal, req, now);
  } catch (e) {
    if (e instanceof Refused) {
      await pool.query('INSERT INTO ingest_refusals (terminal_id, reason, message) VALUES ($1, $2, $3)', [authTerminal, e.reason, e.message]).catch(() => undefined);
      console.warn(`[ingest] refused batch of terminal ${authTerminal}: ${e.reason}: ${e.message}`);
    }
    throw e;
  }
}

async function ingestOnce(pool: Pool, authTerminal: string, req: IngestRequest, now: Date): Promise<IngestResponse & { storeId: string; fromSeq: number }> {
  if (req.terminalId !== authTerminal) throw new Refused('WRONG_TERMINAL', `this key belongs to terminal ${authTerminal}, the batch says ${req.terminalId}`);
  const skew = Math.abs(Date.parse(req.sentAt) - now.getTime());
  if (skew > MAX_CLOCK_SKEW_MS) throw new Refused('CLOCK_SKEW', `terminal clock is ${Math.round(skew / 1000)} s off the head office's (at most ${MAX_CLOCK_SKEW_MS / 1000} s): set the terminal's time`);
  const events = [...req.events].sort((a, b) => a.seq - b.seq);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.terminalId !== authTerminal) throw new Refused('WRONG_TERMINAL', `event ${e.id} (seq ${e.seq}) belongs to terminal ${e.terminalId}`);
    if (i > 0 && e.seq !== events[i - 1]!.seq + 1) throw new Refused('GAP', `batch skips from seq ${events[i - 1]!.seq} to ${e.seq}`);
    if (Date.parse(e.createdAt) - now.getTime() > MAX_CLOCK_SKEW_MS) throw new Refused('CLOCK_SKEW', `event seq ${e.seq} is dated ${e.createdAt}, in the future`);
    const err = payloadError(e.type, e.payload);
    if (err) throw new Refused('INVALID_PAYLOAD', `event seq ${e.seq} (${e.type}): ${err}`);
  }
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const t = await c.query<{ acked_seq: string; store_id: string }>('SELECT acked_seq, store_id FROM terminals WHERE id = $1 FOR UPDATE', [authTerminal]);
    if (!t.rows[0]) throw new Refused('UNAUTHORIZED', `terminal ${authTerminal} is not enrolled`);
    const acked = Number(t.rows[0].acked_seq);
    const storeId = t.rows[0].store_id;
    const old = events.filter((e) => e.seq <= acked);
    const fresh = events.filter((e) => e.seq > acked);
    if (old.length > 0) {
      const diff = await c.query<{ seq: string; why: string }>(
        `SELECT b.seq, CASE WHEN e.id IS NULL THEN 'missing' WHEN e.id <> b.id THEN 'id' WHEN e.type <> b.type THEN 'type' WHEN e.payload <> b.payload THEN 'payload' ELSE 'created_at' END AS why
         FROM jsonb_to_recordset($2::jsonb) AS b(id uuid, seq bigint, type text, payload jsonb, "createdAt" timestamptz)
         LEFT JOIN events e ON e.terminal_id = $1 AND e.seq = b.seq
         WHERE e.id IS DISTINCT FROM b.id OR e.type <> b.type OR e.payload <> b.payload OR e.created_at <> b."createdAt"
         ORDER BY b.seq LIMIT 1`,
        [authTerminal, JSON.stringify(old)],
      );
      const d = diff.rows[0];
      if (d) throw new Refused('ALTERED_EVENT', `event seq ${d.seq} differs from the one already stored (${d.why}): an event never changes`);
    }
    let inserted = 0;
    if (fresh.length > 0) {
      if (fresh[0]!.seq !== acked + 1) throw new Refused('GAP', `head office holds up to seq ${acked}, batch starts at ${fresh[0]!.seq}`);
      const ins = await c.query(
        `INSERT INTO events (id, terminal_id, seq, type, payload, created_at)
         SELECT b.id, $1, b.seq, b.type, b.payload, b."createdAt" FROM jsonb_to_recordset($2::jsonb) AS b(id uuid, seq bigint, type text, payload jsonb, "createdAt" timestamptz)
         ON CONFLICT DO NOTHING`,
        [authTerminal, JSON.stringify(fresh)],
      );
      inserted = ins.rowCount ?? 0;
      // an id already stored elsewhere (another seq or terminal) was skipped by DO NOTHING: that is an altered event, not a replay
      if (inserted !== fresh.length) throw new Refused('ALTERED_EVENT', `${fresh.length - inserted} event id(s) of this batch already exist under another sequence`);
      const top = fresh[fresh.length - 1]!.seq;
      await applyReadModels(c, authTerminal, storeId, acked, top);
      await c.query('UPDATE terminals SET acked_seq = $2, last_seen_at = now(), reported_seq = GREATEST(reported_seq, $2) WHERE id = $1', [authTerminal, top]);
      await c.query('COMMIT');
      return { ackedSeq: top, inserted, storeId, fromSeq: acked };
    }
    await c.query('UPDATE terminals SET last_seen_at = now() WHERE id = $1', [authTerminal]);
    await c.query('COMMIT');
    return { ackedSeq: acked, inserted: 0, storeId, fromSeq: acked };
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}
