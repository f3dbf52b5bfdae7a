/** The mapping of storage failures to DISK_FULL / DATA_DIR_READONLY (electron/core/db/storage-errors.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storageError } from '../../electron/core/db/storage-errors';
import { PosError } from '../../shared/domain/errors';

const err = (code: string) => Object.assign(new Error(`boom ${code}`), { code });

describe('storageError', () => {
  it("maps SQLite's full / read-only codes anywhere", () => {
    expect(storageError(err('SQLITE_FULL'))?.code).toBe('DISK_FULL');
    expect(storageError(err('SQLITE_READONLY'))?.code).toBe('DATA_DIR_READONLY');
    expect(storageError(err('SQLITE_READONLY_DBMOVED'))?.code).toBe('DATA_DIR_READONLY');
  });
  it('maps file-system codes only when opening the ledger (a serial port EACCES is not the data folder)', () => {
    expect(storageError(err('EACCES'))).toBeNull();
    expect(storageError(err('ENOSPC'))).toBeNull();
    expect(storageError(err('EROFS'), '/data')?.code).toBe('DATA_DIR_READONLY');
    expect(storageError(err('ENOSPC'), '/data')?.code).toBe('DISK_FULL');
  });
  it('asks the folder when SQLite is vague (CANTOPEN, IOERR): writable with space → no conclusion', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storage-err-'));
    try {
      expect(storageError(err('SQLITE_CANTOPEN'), dir)).toBeNull();
      expect(storageError(err('SQLITE_IOERR_SHMSIZE'), dir)).toBeNull();
      expect(storageError(err('SQLITE_CANTOPEN'), join(dir, 'missing'))).toBeNull(); // missing is not read-only
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(storageError(err('SQLITE_CONSTRAINT'), '/data')).toBeNull();
    expect(storageError(new PosError('DISK_FULL'))?.code).toBe('DISK_FULL');
    expect(storageError(new PosError('QR_USED'))).toBeNull();
  });
});
