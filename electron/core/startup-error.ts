/**
 * The message a shell shows when createCore fails: specific (ko, then en) when the data folder is
 * read-only or the disk is full — what the store owner can fix — and the raw error otherwise.
 */
import { ERROR_MESSAGES, PosError } from '../../shared/domain/errors';
import { LedgerLossError, lossMessage } from './sync/ledger-check';

export function startupFailureMessage(e: unknown, dataDir: string): string {
  if (e instanceof LedgerLossError) return lossMessage(e.check, dataDir);
  if (e instanceof PosError && (e.code === 'DATA_DIR_READONLY' || e.code === 'DISK_FULL')) {
    const m = ERROR_MESSAGES[e.code];
    return `${m.ko}\n${m.en}\n\n${dataDir}\n(${e.code}${e.detail ? `: ${e.detail}` : ''})`;
  }
  return `데이터 폴더를 열 수 없습니다 / Cannot open the data folder:\n${dataDir}\n\n${e instanceof Error ? e.message : String(e)}`;
}
