/**
 * What a failed backend call lets the terminal conclude, in one place for every flow (scanned and
 * merchant-presented payments, refunds): the backend answered an error or was never reached → nothing
 * happened ('failed', with the backend's code); anything else (timeout, reset, 5xx, garbage, a bug after
 * sending) → the call may have been processed ('unknown': look it up, never call it failed).
 */
import type { ErrorCode, PosErrorShape } from '../../../../shared/domain/errors';
import { GatewayError } from '../gateway/gateway';

export type FailureOutcome = { status: 'failed'; error: PosErrorShape } | { status: 'unknown'; error: PosErrorShape };

export function classifyFailure(e: unknown, unknownCode: ErrorCode = 'BACKEND_UNKNOWN'): FailureOutcome {
  if (e instanceof GatewayError && (e.kind === 'rejected' || e.kind === 'unreachable')) return { status: 'failed', error: { code: e.code, detail: e.detail } };
  return { status: 'unknown', error: { code: unknownCode, detail: e instanceof Error ? e.message : String(e) } };
}
