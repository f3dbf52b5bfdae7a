/**
 * Ledger recovery on screen (issue 14): when the core finds its ledger missing, empty, truncated or
 * behind at start, the shell starts in recovery mode (electron/core/recovery.ts): the app asks
 * `getLedgerRecovery`, shows what is wrong, and the person chooses where to restore from. A core that
 * started normally answers null and refuses `restoreLedger`.
 */
import { z } from 'zod';

export const LEDGER_PROBLEMS = ['missing', 'empty', 'truncated', 'behind', 'behind_backup'] as const;

export const ledgerRecoverySchema = z.object({
  problem: z.enum(LEDGER_PROBLEMS),
  /** What the check found (file names, sequences), for the technician. */
  detail: z.string(),
  dataDir: z.string(),
  canRestoreFromHeadOffice: z.boolean(),
  /** The newest backup, when there is one. */
  backup: z.object({ file: z.string(), maxSeq: z.number().int(), payments: z.number().int() }).nullable(),
});
export type LedgerRecovery = z.infer<typeof ledgerRecoverySchema>;

export const recoveryMethods = {
  getLedgerRecovery: { input: z.object({}).strict(), output: ledgerRecoverySchema.nullable() },
  /** Restores the ledger and starts the terminal on it; the app then reloads. */
  restoreLedger: {
    input: z.object({ source: z.enum(['headoffice', 'backup']) }).strict(),
    output: z.object({ from: z.string(), events: z.number().int(), payments: z.number().int() }),
  },
} as const;
