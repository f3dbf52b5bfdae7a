/** Scanner settings: one JSON row in the ledger's settings table (key 'scanner'), re-validated on read. */
import type Database from 'better-sqlite3';
import { DEFAULT_SCANNER_SETTINGS, scannerSettingsSchema, type ScannerSettings } from '../../../../shared/contract';

type Patch = { [K in keyof ScannerSettings]?: Partial<ScannerSettings[K]> };

export class ScannerSettingsRepo {
  constructor(private readonly db: Database.Database) {}

  get(): ScannerSettings {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get('scanner') as { value: string } | undefined;
    if (!row) return DEFAULT_SCANNER_SETTINGS;
    try {
      const stored = JSON.parse(row.value) as Partial<ScannerSettings>;
      const merged = {
        serial: { ...DEFAULT_SCANNER_SETTINGS.serial, ...stored.serial },
        camera: { ...DEFAULT_SCANNER_SETTINGS.camera, ...stored.camera },
        wedge: { ...DEFAULT_SCANNER_SETTINGS.wedge, ...stored.wedge },
      };
      const parsed = scannerSettingsSchema.safeParse(merged);
      if (parsed.success) return parsed.data;
      console.error('[scanner] stored settings invalid, using defaults:', parsed.error.message);
    } catch {
      console.error('[scanner] stored settings are not JSON, using defaults');
    }
    return DEFAULT_SCANNER_SETTINGS;
  }

  update(patch: Patch): ScannerSettings {
    const cur = this.get();
    const next = scannerSettingsSchema.parse({ serial: { ...cur.serial, ...patch.serial }, camera: { ...cur.camera, ...patch.camera }, wedge: { ...cur.wedge, ...patch.wedge } });
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run('scanner', JSON.stringify(next));
    return next;
  }
}
