/**
 * The optional LookupResponse fields, present only when they say something the plain status does
 * not: canceledAmount / cancelableAmount once something was cancelled (absent: nothing was, and the
 * whole amount of an APPROVED payment is cancelable), detailStatus when it is finer than status.
 */
import type { LookupResponse, RemoteStatus } from './gateway';

const PLAIN: Record<string, RemoteStatus> = { READY: 'READY', APPROVED: 'APPROVED', SUCCESS_PAYMENT: 'APPROVED', CANCELLED: 'CANCELLED', CANCEL_PAYMENT: 'CANCELLED', FAILED: 'FAILED', FAIL_PAYMENT: 'FAILED' };

export function lookupExtras(status: RemoteStatus, canceled: number | undefined, cancelable: number | undefined, detail: string | undefined): Pick<LookupResponse, 'canceledAmount' | 'cancelableAmount' | 'detailStatus'> {
  const out: Pick<LookupResponse, 'canceledAmount' | 'cancelableAmount' | 'detailStatus'> = {};
  if (canceled !== undefined && canceled > 0) {
    out.canceledAmount = canceled;
    if (cancelable !== undefined) out.cancelableAmount = cancelable;
  }
  if (detail !== undefined && PLAIN[detail] !== status) out.detailStatus = detail;
  return out;
}
