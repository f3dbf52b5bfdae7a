import { PosClientError } from '../../../shared/client';
import type { ErrorCode } from '../../../shared/domain/errors';

/** The code of anything a pos.* call threw (PosClientError carries one; anything else is INTERNAL). */
export function errorCodeOf(e: unknown): ErrorCode {
  return e instanceof PosClientError ? e.code : 'INTERNAL';
}
