/**
 * Health the status bar and 진단 show (issue 10): the merchant secrets file, and the payments the
 * start-up recovery is still checking against the backend.
 */
import { z } from 'zod';

/** ok; damaged = secrets.json unreadable or a value that cannot be decrypted; missing = a key this backend needs is not stored. */
export const secretsHealthSchema = z.object({ state: z.enum(['ok', 'damaged', 'missing']), detail: z.string().optional() });
export type SecretsHealth = z.infer<typeof secretsHealthSchema>;

/** Payments (ids) left open by a crash that the start-up recovery is still looking up; empty when done. */
export const recoveryStatusSchema = z.object({ checking: z.array(z.number().int()) });
