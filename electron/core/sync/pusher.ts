/**
 * The pusher (issue 14): a background loop that sends this terminal's unsent events to the head
 * office in sequence order, in batches, with backoff. A sale never waits for it (it only reads the
 * ledger between sales); an event counts as sent only when the head office's acknowledgement covers
 * its sequence (sync_meta.acked_seq). Between pushes it pulls the data flowing down (store profile;
 * head office wins). Its status goes out as the 'sync.status' event (status bar: 본사 동기화).
 */
import type Database from 'better-sqlite3';
import type { SyncStatus } from '../../../shared/contract-sync';
import { MAX_BATCH } from '../../../shared/sync-events';
import { ackedSeq, eventsAfter, maxSeq, recordAck, terminalId } from './event-log';
import { headOffice, HeadOfficeRefusal } from './head-office-client';
import { noteLedgerProgress, readIdentity } from './identity';
import { applyDownChanges } from './down-changes';

export interface PusherDeps {
  db: Database.Database;
  dataDir: string;
  key: () => Promise<string | null>;
  onStatus: (s: SyncStatus) => void;
  batchSize?: number;
  idleMs?: number;
  backoffMs?: readonly number[];
  pullEveryMs?: number;
}

const DEFAULT_BACKOFF = [500, 1000, 2000, 5000, 10_000, 30_000];

export class Pusher {
  private running = false;
  private wake: (() => void) | null = null;
  private failures = 0;
  private offlineSince: string | null = null;
  private lastAckAt: string | null = null;
  private lastError: string | null = null;
  private refused = false;
  private ledgerBehind = false;
  private lastPull = 0;
  private noted = -1;
  private last = '';
  private loop: Promise<void> | null = null;
  private readonly abort = new AbortController();

  constructor(private readonly d: PusherDeps) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    this.wake?.();
    await this.loop;
  }

  /** Wakes the loop now (a new event was written). */
  kick(): void {
    this.failures = Math.min(this.failures, 1);
    this.wake?.();
  }

  status(): SyncStatus {
    const id = readIdentity(this.d.dataDir);
    const pending = Math.max(0, maxSeq(this.d.db) - ackedSeq(this.d.db));
    const ho = id?.headOffice ?? null;
    const state: SyncStatus['state'] = !ho ? 'off' : this.refused ? 'refused' : this.offlineSince ? 'offline' : pending > 0 ? 'pending' : 'connected';
    return { state, pending, offlineSince: this.offlineSince, lastAckAt: this.lastAckAt, lastError: this.lastError, headOffice: ho && { url: ho.url, storeId: ho.storeId, storeName: ho.storeName }, terminalId: terminalId(this.d.db), ledgerBehind: this.ledgerBehind };
  }

  /** Sends until nothing is pending or the time is up (day close). */
  async flush(timeoutMs: number): Promise<SyncStatus> {
    const until = Date.now() + timeoutMs;
    this.failures = 0;
    while (Date.now() < until) {
      const s = this.status();
      if (s.state === 'off' || s.pending === 0) return s;
      const progressed = await this.pass();
      if (!progressed) await new Promise((r) => setTimeout(r, 100));
    }
    return this.status();
  }

  private emit(): void {
    const s = this.status();
    const k = JSON.stringify(s);
    if (k !== this.last) {
      this.last = k;
      this.d.onStatus(s);
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let progressed = false;
      try {
        progressed = await this.pass();
      } catch (e) {
        console.error('[sync] pass failed', e);
      }
      this.emit();
      if (!this.running) break;
      const backoff = this.d.backoffMs ?? DEFAULT_BACKOFF;
      const wait = progressed ? 0 : this.failures > 0 ? backoff[Math.min(this.failures - 1, backoff.length - 1)]! : (this.d.idleMs ?? 250);
      if (wait > 0) await new Promise<void>((r) => {
        const t = setTimeout(r, wait);
        this.wake = () => {
          clearTimeout(t);
          r();
        };
      });
      this.wake = null;
    }
  }

  /** One push (or pull) attempt; true when it sent something (loop again at once). */
  private async pass(): Promise<boolean> {
    const { db, dataDir } = this.d;
    if (!this.running && this.abort.signal.aborted) return false;
    const held = maxSeq(db);
    if (held !== this.noted) {
      noteLedgerProgress(dataDir, db);
      this.noted = held;
    }
    const id = readIdentity(dataDir);
    const ho = id?.headOffice;
    const key = ho ? await this.d.key() : null;
    if (!ho || !key) return false;
    const acked = ackedSeq(db);
    const batch = eventsAfter(db, acked, this.d.batchSize ?? MAX_BATCH);
    try {
      if (batch.length === 0) {
        if (Date.now() - this.lastPull >= (this.d.pullEveryMs ?? 5000)) {
          this.lastPull = Date.now();
          const st = await headOffice.state(ho.url, key, { signal: this.abort.signal });
          this.ledgerBehind = st.ackedSeq > held;
          await applyDownChanges(db, await headOffice.changes(ho.url, key, downVersion(db), { signal: this.abort.signal }));
          this.online();
        }
        return false;
      }
      const r = await headOffice.ingest(ho.url, key, { terminalId: id.terminalId, sentAt: new Date().toISOString(), events: batch, heldSeq: held }, { signal: this.abort.signal });
      if (r.ackedSeq > held) this.ledgerBehind = true;
      recordAck(db, r.ackedSeq);
      this.lastAckAt = new Date().toISOString();
      this.online();
      return r.ackedSeq > acked;
    } catch (e) {
      if (this.abort.signal.aborted) return false;
      this.failures++;
      if (e instanceof HeadOfficeRefusal && e.status >= 400 && e.status < 500) {
        this.lastError = e.message;
        if (e.code === 'GAP') {
          // the head office holds less than we thought (its database restored from a backup): resend from what it holds
          const st = await headOffice.state(ho.url, key).catch(() => null);
          if (st && st.ackedSeq < acked) {
            db.prepare('UPDATE sync_meta SET acked_seq = ? WHERE id = 1').run(st.ackedSeq);
            return true;
          }
        }
        this.refused = true;
        console.error(`[sync] head office refused a batch: ${e.message}`);
      } else {
        this.lastError = e instanceof Error ? e.message : String(e);
        this.offlineSince ??= new Date().toISOString();
      }
      return false;
    }
  }

  private online(): void {
    this.offlineSince = null;
    this.refused = false;
    this.failures = 0;
    this.lastError = null;
  }
}

function downVersion(db: Database.Database): number {
  return (db.prepare('SELECT down_version FROM sync_meta WHERE id = 1').get() as { down_version: number } | undefined)?.down_version ?? 0;
}
