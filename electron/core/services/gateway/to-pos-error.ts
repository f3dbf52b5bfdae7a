import { PosError } from '../../../../shared/domain/errors';
import { GatewayError } from './gateway';

/** A gateway failure as the cashier-facing error value. */
export function toPosError(e: unknown): PosError {
  if (e instanceof PosError) return e;
  if (e instanceof GatewayError) return new PosError(e.code, e.detail);
  return new PosError('INTERNAL', e instanceof Error ? e.message : String(e));
}
