/**
 * Group commit for the simulator's SQLite file (issue 15): the state changes of the requests that
 * arrive together share ONE transaction and ONE fsync, the fsync runs off the event loop, and every
 * answer waits until what it reports is on disk (server.ts awaits `durable()` in onSend).
 *
 * - The first write of a batch opens `BEGIN IMMEDIATE`; each `run(fn)` is a savepoint inside it
 *   (better-sqlite3 nests `db.transaction` that way), so a throw rolls back only that request.
 * - The batch is committed once the event loop has taken in the requests already waiting
 *   (setImmediate; `windowMs` > 0 waits that long instead).
 * - The connection runs with synchronous=NORMAL, so COMMIT only write()s the WAL frames; durability
 *   comes from our own `fdatasync` of the -wal file on libuv's thread pool, one at a time, each one
 *   covering every commit made before it started. In WAL mode a transaction is durable once its
 *   commit frame is synced (SQLite's synchronous=FULL does exactly that fsync, but on the caller's
 *   thread); checkpoints keep syncing the WAL before copying it into the database (NORMAL does).
 * - A crash (kill -9, power cut) before the sync can only lose changes whose answers were not sent.
 *   Later requests may read a batch that is not synced yet, but their own answers wait for a sync
 *   that started after it, so no answer ever depends on something a crash can take back.
 */
import { closeSync, fdatasync, fdatasyncSync, openSync } from 'node:fs';
import type Database from 'better-sqlite3';

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class GroupCommit {
  private open = false;
  private timer: NodeJS.Immediate | NodeJS.Timeout | null = null;
  /** Requests waiting for the open batch to be committed and synced. */
  private batchWaiters: Waiter[] = [];
  /** Committed, waiting for the next fdatasync. */
  private syncWaiters: Waiter[] = [];
  private syncing = false;
  private walFd: number | null = null;
  /** total_changes() covered by the last sync that started. */
  private syncedChanges = 0;
  private readonly totalChanges: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly walFile: string,
    private readonly windowMs = 0,
  ) {
    this.totalChanges = db.prepare('SELECT total_changes() AS n');
    // Whatever was written before (migrations, seeds) is made durable now.
    this.syncNow();
  }

  /** Runs fn as part of the current batch (opened if none); a throw rolls back fn's changes only. */
  run<T>(fn: () => T): T {
    if (!this.open) {
      if (this.db.inTransaction) return this.db.transaction(fn).immediate(); // inside someone's explicit transaction
      this.db.exec('BEGIN IMMEDIATE');
      this.open = true;
      this.timer = this.windowMs > 0 ? setTimeout(() => this.commit(), this.windowMs) : setImmediate(() => this.commit());
    }
    return this.db.transaction(fn)();
  }

  /** Resolves once every change made so far is committed and on disk. */
  durable(): Promise<void> {
    if (this.open) return new Promise((resolve, reject) => this.batchWaiters.push({ resolve, reject }));
    if (this.changes() === this.syncedChanges && !this.syncing) return Promise.resolve();
    // Autocommitted writes outside run(), or a sync in flight that may have started before them.
    return new Promise((resolve, reject) => {
      this.syncWaiters.push({ resolve, reject });
      this.startSync();
    });
  }

  /** Commits the open batch now; its waiters are answered after the next sync. */
  commit(): void {
    this.clearTimer();
    if (!this.open) return;
    const waiters = this.batchWaiters;
    this.batchWaiters = [];
    this.open = false;
    try {
      this.db.exec('COMMIT');
    } catch (e) {
      try {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
      } catch {
        /* already rolled back by SQLite */
      }
      for (const w of waiters) w.reject(e);
      return;
    }
    this.syncWaiters.push(...waiters);
    this.startSync();
  }

  /** Commits and syncs synchronously (before close). */
  flush(): void {
    this.commit();
    this.syncNow();
  }

  close(): void {
    this.flush();
    if (this.walFd !== null) closeSync(this.walFd);
    this.walFd = null;
  }

  private changes(): number {
    return (this.totalChanges.get() as { n: number }).n;
  }

  private fd(): number {
    this.walFd ??= openSync(this.walFile, 'r');
    return this.walFd;
  }

  private syncNow(): void {
    this.syncedChanges = this.changes();
    fdatasyncSync(this.fd());
    const waiters = this.syncWaiters;
    this.syncWaiters = [];
    for (const w of waiters) w.resolve();
  }

  private startSync(): void {
    if (this.syncing || this.syncWaiters.length === 0) return;
    this.syncing = true;
    const waiters = this.syncWaiters;
    this.syncWaiters = [];
    this.syncedChanges = this.changes();
    fdatasync(this.fd(), (err) => {
      this.syncing = false;
      for (const w of waiters) {
        if (err) w.reject(err);
        else w.resolve();
      }
      this.startSync(); // commits that arrived while this sync ran
    });
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer as NodeJS.Timeout);
    clearImmediate(this.timer as NodeJS.Immediate);
    this.timer = null;
  }
}
