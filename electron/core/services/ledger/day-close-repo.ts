/** Closed days (migration 6, table day_closes): the frozen report of each, written once. */
import type Database from 'better-sqlite3';
import type { SettlementReport } from '../../../../shared/contract';
import { PosError } from '../../../../shared/domain/errors';
import { appendEvent } from '../../sync/event-log';

export interface DayClose {
  day: string;
  closedAt: string;
  report: SettlementReport;
}

export class DayCloseRepo {
  constructor(private readonly db: Database.Database) {}

  get(day: string): DayClose | null {
    const r = this.db.prepare('SELECT day, closed_at, report_json FROM day_closes WHERE day = ?').get(day) as { day: string; closed_at: string; report_json: string } | undefined;
    return r ? { day: r.day, closedAt: r.closed_at, report: JSON.parse(r.report_json) as SettlementReport } : null;
  }

  /** Stores the report; a day already closed is refused (the primary key makes it one row per day). */
  insert(c: DayClose): void {
    this.db.transaction(() => {
      const reportJson = JSON.stringify(c.report);
      const info = this.db.prepare('INSERT INTO day_closes (day, closed_at, report_json) VALUES (?, ?, ?) ON CONFLICT (day) DO NOTHING').run(c.day, c.closedAt, reportJson);
      if (info.changes !== 1) throw new PosError('DAY_ALREADY_CLOSED', c.day);
      appendEvent(this.db, 'day.closed', { day: c.day, closedAt: c.closedAt, reportJson }, new Date(c.closedAt)); // issue 14: event log
    })();
  }
}
