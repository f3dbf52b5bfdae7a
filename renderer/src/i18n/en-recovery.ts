import type { koRecovery } from './ko-recovery';

/** issue 14: the restore screen shown when the ledger is lost (spread at the end of en.ts). */
export const enRecovery: Record<keyof typeof koRecovery, string> = {
  'recovery.title': 'Restore the ledger',
  'recovery.lead': 'This terminal’s payment records have a problem, so it did not start as a new terminal. Choose how to bring the sales back.',
  'recovery.problem.missing': 'The ledger file is missing.',
  'recovery.problem.empty': 'The ledger file is empty (0 bytes).',
  'recovery.problem.truncated': 'The ledger file is truncated or damaged.',
  'recovery.problem.behind': 'The ledger is behind what this terminal wrote (a -wal file may be lost).',
  'recovery.problem.behind_backup': 'The ledger is older than the newest backup.',
  'recovery.detail': 'Details',
  'recovery.fromHeadOffice': 'Restore from the head office',
  'recovery.fromHeadOffice.hint': 'Rebuilds the ledger from this terminal’s events held by the head office. Recent records never sent may be missing.',
  'recovery.fromHeadOffice.none': 'This terminal is not enrolled in a head office.',
  'recovery.fromBackup': 'Restore the newest backup',
  'recovery.fromBackup.hint': 'Backup file ({n} payments): {file}',
  'recovery.fromBackup.none': 'There is no backup.',
  'recovery.restoring': 'Restoring…',
  'recovery.done': 'Restored: {payments} payments, {events} events. Restarting…',
};
