/**
 * Head office sync at the terminal, wired into the core in one line (issue 14): the pusher, the
 * enrollment (설정 → 본사 연결: url + one-time code → this terminal's key in secrets.json), the
 * ledger backups, and the router handlers of contract-sync.
 */
import type Database from 'better-sqlite3';
import type { syncMethods } from '../../../shared/contract-sync';
import { PosError } from '../../../shared/domain/errors';
import type { EventBus } from '../events';
import type { Handlers } from '../router';
import type { SecretStore } from '../secrets/secret-store';
import { BackupService } from './backup';
import { headOffice, HeadOfficeRefusal } from './head-office-client';
import { readIdentity, writeIdentity } from './identity';
import { Pusher } from './pusher';
import { terminalId } from './event-log';

export interface SyncServiceDeps {
  db: Database.Database;
  dataDir: string;
  backupDir: string;
  secrets: SecretStore;
  events: EventBus;
  /** Tests make the loop fast. */
  idleMs?: number;
  backoffMs?: readonly number[];
  backupEveryMs?: number;
  batchSize?: number;
}

export class SyncService {
  readonly pusher: Pusher;
  readonly backups: BackupService;

  constructor(private readonly d: SyncServiceDeps) {
    this.pusher = new Pusher({
      db: d.db,
      dataDir: d.dataDir,
      key: () => d.secrets.get('headoffice.key'),
      onStatus: (s) => d.events.emit('sync.status', s),
      ...(d.idleMs !== undefined ? { idleMs: d.idleMs } : {}),
      ...(d.backoffMs ? { backoffMs: d.backoffMs } : {}),
      ...(d.batchSize ? { batchSize: d.batchSize } : {}),
    });
    this.backups = new BackupService(d.db, d.backupDir, d.backupEveryMs);
    // every committed fact wakes the pusher (a sale never waits for it)
    d.events.subscribe((e) => {
      if (e.name === 'payment.updated') this.pusher.kick();
    });
  }

  start(): void {
    this.pusher.start();
    this.backups.start();
  }

  async close(): Promise<void> {
    this.backups.stop();
    await this.pusher.stop();
  }

  async enroll(input: { url: string; code: string; name: string }) {
    const tid = terminalId(this.d.db);
    let r;
    try {
      r = await headOffice.enroll(input.url, { code: input.code, terminalId: tid, name: input.name });
    } catch (e) {
      if (e instanceof HeadOfficeRefusal) throw new PosError('HEADOFFICE_REFUSED', e.message);
      throw new PosError('HEADOFFICE_UNREACHABLE', e instanceof Error ? e.message : String(e));
    }
    await this.d.secrets.set('headoffice.key', r.key);
    const id = readIdentity(this.d.dataDir);
    writeIdentity(this.d.dataDir, { terminalId: tid, lastSeq: id?.lastSeq ?? 0, storeRegistered: id?.storeRegistered ?? false, headOffice: { url: input.url, storeId: r.storeId, storeName: r.storeName, enrolledAt: new Date().toISOString() } });
    this.pusher.kick();
    return this.pusher.status();
  }

  handlers(): Pick<Handlers, keyof typeof syncMethods> {
    return {
      getSyncStatus: () => this.pusher.status(),
      enrollHeadOffice: (input) => this.enroll(input),
      flushSync: ({ timeoutMs }) => this.pusher.flush(timeoutMs),
    };
  }
}
