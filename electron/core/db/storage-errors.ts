/**
 * Failures of the ledger's storage as the cashier-facing error values: a read-only data folder
 * (DATA_DIR_READONLY) or a full disk (DISK_FULL). SQLite names some of these only vaguely
 * (SQLITE_CANTOPEN, SQLITE_IOERR_SHMSIZE when its shared-memory file cannot be created or grown),
 * so for those the folder itself is asked: can it be written, is there space left.
 */
import { accessSync, constants, statfsSync } from 'node:fs';
import { PosError } from '../../../shared/domain/errors';

/** Below this many free bytes a vague I/O error at open is taken for a full disk. */
const NEARLY_FULL_BYTES = 256 * 1024;

function codeOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}

function folderState(dir: string): 'readonly' | 'full' | 'ok' {
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    if (['EACCES', 'EROFS', 'EPERM'].includes(codeOf(e))) return 'readonly';
  }
  try {
    const s = statfsSync(dir);
    if (s.bavail * s.bsize < NEARLY_FULL_BYTES) return 'full';
  } catch {
    /* unknown: no conclusion */
  }
  return 'ok';
}

/**
 * The typed error for a storage failure, or null when e is not one. Without `dir` only SQLite's own
 * codes count (a handler's EACCES may be a serial port, not the ledger); with `dir` (opening the
 * ledger in that folder) file-system codes count too, and a vague SQLite error is checked against it.
 */
export function storageError(e: unknown, dir?: string): PosError | null {
  if (e instanceof PosError) return e.code === 'DISK_FULL' || e.code === 'DATA_DIR_READONLY' ? e : null;
  const code = codeOf(e);
  const detail = `${dir ? `${dir}: ` : ''}${code || 'error'} ${e instanceof Error ? e.message : String(e)}`.slice(0, 300);
  if (code === 'SQLITE_FULL' || (dir && (code === 'ENOSPC' || code === 'EDQUOT'))) return new PosError('DISK_FULL', detail);
  if (code.startsWith('SQLITE_READONLY') || (dir && (code === 'EROFS' || code === 'EACCES' || code === 'EPERM'))) return new PosError('DATA_DIR_READONLY', detail);
  if (dir && (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR'))) {
    const state = folderState(dir);
    if (state === 'readonly') return new PosError('DATA_DIR_READONLY', detail);
    if (state === 'full') return new PosError('DISK_FULL', detail);
  }
  return null;
}
