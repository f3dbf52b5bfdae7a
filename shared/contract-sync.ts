/**
 * Head office sync at the terminal (issue 14): status for the status bar (본사 동기화), enrolling in a
 * head office with a one-time code (설정 → 본사 연결), and the unsent count for day close.
 */
import { z } from 'zod';

const isoUtc = z.string().datetime({ offset: false });

export const SYNC_STATES = ['off', 'connected', 'pending', 'offline', 'refused'] as const;
export const syncStatusSchema = z.object({
  /** off: not enrolled; connected: nothing waiting; pending: sending; offline: head office unreachable; refused: it refused a batch (reason). */
  state: z.enum(SYNC_STATES),
  /** Events written here and not yet acknowledged by the head office. */
  pending: z.number().int().nonnegative(),
  offlineSince: isoUtc.nullable(),
  lastAckAt: isoUtc.nullable(),
  lastError: z.string().nullable(),
  headOffice: z.object({ url: z.string(), storeId: z.string(), storeName: z.string() }).nullable(),
  terminalId: z.string(),
  /** The head office holds more of this terminal's events than the ledger: restore (see README). */
  ledgerBehind: z.boolean(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const enrollInputSchema = z
  .object({
    url: z
      .string()
      .trim()
      .url()
      .max(255)
      .refine((u) => /^https?:\/\//.test(u), 'http(s) only'),
    code: z.string().trim().min(4).max(40),
    name: z.string().trim().min(1).max(60).default('POS'),
  })
  .strict();

export const syncMethods = {
  getSyncStatus: { input: z.object({}).strict(), output: syncStatusSchema },
  /** Enrolls this terminal with a one-time code shown in the head office's dashboard. */
  enrollHeadOffice: { input: enrollInputSchema, output: syncStatusSchema },
  /** Tries to send everything now (day close calls it first); answers the status after. */
  flushSync: { input: z.object({ timeoutMs: z.number().int().min(0).max(30_000).default(5000) }).strict(), output: syncStatusSchema },
} as const;

export const syncEvents = {
  'sync.status': syncStatusSchema,
} as const;
