import type Database from 'better-sqlite3';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../../shared/contract';

/** Settings live in the ledger DB, one JSON row; re-validated on every read (the file is outside input). */
export class SettingsService {
  constructor(private readonly db: Database.Database) {}

  get(): Settings {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get('app') as { value: string } | undefined;
    if (!row) return DEFAULT_SETTINGS;
    try {
      const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(JSON.parse(row.value) as object) });
      if (parsed.success) return parsed.data;
      console.error('[settings] stored settings invalid, using defaults:', parsed.error.message);
    } catch {
      console.error('[settings] stored settings are not JSON, using defaults');
    }
    return DEFAULT_SETTINGS;
  }

  update(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run('app', JSON.stringify(next));
    return next;
  }
}
