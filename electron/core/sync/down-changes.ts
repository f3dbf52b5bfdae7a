/**
 * Data flowing down from the head office (head office wins), versioned: each change is applied once,
 * in version order, and the version is recorded in the same transaction. Until the catalog lands the
 * only kind is the store profile (its display fields; the business number and cid stay the terminal's).
 */
import type Database from 'better-sqlite3';
import type { DownChange } from '../../../shared/sync-events';

export async function applyDownChanges(db: Database.Database, changes: readonly DownChange[]): Promise<number> {
  if (changes.length === 0) return 0;
  return db.transaction(() => {
    let n = 0;
    for (const c of [...changes].sort((a, b) => a.version - b.version)) {
      const cur = (db.prepare('SELECT down_version FROM sync_meta WHERE id = 1').get() as { down_version: number }).down_version;
      if (c.version <= cur) continue;
      if (c.kind === 'store.profile') {
        db.prepare('UPDATE store_profile SET name = ?, representative = ?, phone = ?, address1 = ?, address2 = ? WHERE id = 1').run(c.data.name, c.data.representative, c.data.phone, c.data.address1, c.data.address2);
      }
      db.prepare('UPDATE sync_meta SET down_version = ? WHERE id = 1').run(c.version);
      n++;
    }
    return n;
  })();
}
