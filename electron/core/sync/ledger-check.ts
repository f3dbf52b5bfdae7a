/**
 * Loss detection at start (issue 14). Before the ledger is opened (opening would create an empty
 * one), what is on disk is compared with what the terminal knows elsewhere: terminal.json (its id,
 * the highest sequence it wrote, whether a store was registered), the secrets file, the newest
 * backup. A ledger that is missing, empty, truncated (does not open) or behind is never opened as
 * new: createCore throws LedgerLossError saying what is wrong and how to restore
 * (restore.ts: from the head office, or from the newest backup).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PosError } from '../../../shared/domain/errors';
import { LEDGER_FILE } from '../db/open-ledger';
import { SECRETS_FILE } from '../secrets/secret-store';
import { inspectLedger, newestBackup, type BackupInfo } from './backup';
import { readIdentity } from './identity';

export type LedgerProblem = 'missing' | 'empty' | 'truncated' | 'behind' | 'behind_backup';

export interface LedgerCheck {
  problem: LedgerProblem | null;
  detail: string;
  /** Restores that are possible now. */
  canRestoreFromHeadOffice: boolean;
  backup: BackupInfo | null;
}

export class LedgerLossError extends PosError {
  constructor(readonly check: LedgerCheck) {
    super('LEDGER_LOST', check.detail);
  }
}

export function checkLedger(dataDir: string, backupDir: string): LedgerCheck {
  const file = join(dataDir, LEDGER_FILE);
  const id = readIdentity(dataDir);
  const backup = newestBackup(backupDir);
  const knownBefore = id !== null && (id.lastSeq > 0 || id.storeRegistered || id.headOffice !== null);
  const hadSecrets = existsSync(join(dataDir, SECRETS_FILE));
  const canHo = id?.headOffice != null;
  const result = (problem: LedgerProblem | null, detail: string): LedgerCheck => ({ problem, detail, canRestoreFromHeadOffice: canHo, backup });
  if (!existsSync(file)) {
    if (knownBefore || backup || hadSecrets) return result('missing', `${file} is missing, but this terminal wrote ${id?.lastSeq ?? '?'} events${backup ? `; newest backup ${backup.file} holds ${backup.maxSeq}` : ''}`);
    return result(null, 'new terminal');
  }
  const size = statSync(file).size;
  if (size === 0 && (knownBefore || backup)) return result('empty', `${file} is empty (0 bytes), but this terminal wrote ${id?.lastSeq ?? '?'} events`);
  if (size === 0) return result(null, 'new terminal');
  const r = inspectLedger(file);
  if (r.kind === 'damaged') return result('truncated', `${file} is truncated or damaged (${r.why})`);
  // unreadable here (permissions, read-only folder): openLedger reports it precisely
  if (r.kind === 'unreadable') return result(null, r.why);
  const info = r;
  if (id && info.maxSeq < id.lastSeq) return result('behind', `${file} holds events up to ${info.maxSeq}, but this terminal wrote up to ${id.lastSeq} (a -wal file lost?)`);
  if (backup && info.maxSeq < backup.maxSeq) return result('behind_backup', `${file} holds events up to ${info.maxSeq}, the backup ${backup.file} up to ${backup.maxSeq}`);
  return result(null, 'ok');
}

export function lossMessage(c: LedgerCheck, dataDir: string): string {
  const ways = [
    c.canRestoreFromHeadOffice ? '  --restore-from headoffice   본사에서 이 단말기의 기록으로 다시 만들기 / rebuild from this terminal’s events at the head office' : null,
    c.backup ? `  --restore-from backup       최신 백업에서 복구 / restore the newest backup (${c.backup.file}, ${c.backup.payments} payments)` : null,
    '  --restore-from <file>       지정한 백업 파일에서 복구 / restore a given backup file',
  ].filter(Boolean);
  // web shell: `--restore-from X`; Electron: `--restore-from=X` on the app's command line
  return `결제 기록(원장)에 문제가 있어 새 단말기로 시작하지 않습니다 / The ledger has a problem; the terminal does not start as new:\n${c.problem}: ${c.detail}\n\n${dataDir}\n\n복구 방법 / restore with:\n${ways.join('\n')}`;
}
