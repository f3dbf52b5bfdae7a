/**
 * The router: method name → zod-validated handler. Both shells call `router.call` and nothing else,
 * so every input from the renderer is parsed here, once, and every error leaves as a typed value.
 */
import type { z } from 'zod';
import { methods, type MethodName, type MethodOutput, type Methods, type RpcResult } from '../../shared/contract';
import { PosError, type ErrorCode, isErrorCode } from '../../shared/domain/errors';
import { storageError } from './db/storage-errors';

export type Handlers = { [M in MethodName]: (input: z.output<Methods[M]['input']>) => Promise<MethodOutput<M>> | MethodOutput<M> };

/** Field names whose validation failure has a more precise cashier-facing code than VALIDATION_FAILED. */
const FIELD_CODES: Record<string, ErrorCode> = {
  businessNo: 'BUSINESS_NO_INVALID',
  unitPrice: 'AMOUNT_INVALID',
  quantity: 'AMOUNT_INVALID',
  qrText: 'QR_TOO_LONG',
};

function codeForIssues(issues: z.core.$ZodIssue[]): ErrorCode {
  for (const issue of issues) {
    const prefix = issue.message.split(':')[0];
    if (isErrorCode(prefix)) return prefix;
    if (issue.path.length === 1 && issue.path[0] === 'items' && issue.code === 'too_small') return 'CART_EMPTY';
    for (const key of issue.path) if (typeof key === 'string' && FIELD_CODES[key]) return FIELD_CODES[key];
  }
  return 'VALIDATION_FAILED';
}

export interface Router {
  call(method: string, input: unknown): Promise<RpcResult<unknown>>;
}

export function createRouter(handlers: Handlers): Router {
  return {
    async call(method, input) {
      if (!Object.prototype.hasOwnProperty.call(methods, method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', detail: String(method).slice(0, 64) } };
      const m = method as MethodName;
      let parsed: ReturnType<Methods[MethodName]['input']['safeParse']>;
      try {
        parsed = methods[m].input.safeParse(input ?? {});
      } catch (e) {
        // a schema whose check throws (a bug) still refuses the input as a value, never as a crash
        console.error(`[router] ${m}: input validation threw:`, e);
        return { ok: false, error: { code: 'VALIDATION_FAILED', detail: `${m}: input could not be validated` } };
      }
      if (!parsed.success) {
        const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
        return { ok: false, error: { code: codeForIssues(parsed.error.issues), detail: detail.slice(0, 500) } };
      }
      try {
        const handler = handlers[m] as (i: unknown) => unknown;
        const value = await handler(parsed.data);
        const out = methods[m].output.safeParse(value);
        if (!out.success) {
          console.error(`[router] ${m} returned a value outside the contract:`, out.error.message);
          return { ok: false, error: { code: 'INTERNAL', detail: `${m}: output outside the contract` } };
        }
        return { ok: true, value: out.data };
      } catch (e) {
        if (e instanceof PosError) return { ok: false, error: e.toShape() };
        // The ledger could not be written (disk full, folder turned read-only): say that, not INTERNAL.
        const storage = storageError(e);
        if (storage) {
          console.error(`[router] ${m}: ledger not writable:`, storage.detail);
          return { ok: false, error: storage.toShape() };
        }
        console.error(`[router] ${m} failed:`, e);
        return { ok: false, error: { code: 'INTERNAL', detail: e instanceof Error ? e.message.slice(0, 200) : 'unexpected error' } };
      }
    },
  };
}
