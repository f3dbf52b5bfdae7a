/**
 * Withdrawing a tid the terminal has recorded as failed (the `quit` route, both dialects), so that no late
 * or repeated approve and no customer phone can complete it afterwards — for the scanned flow as for the
 * merchant-presented one. If the backend refuses because it approved the tid after all, the ledger follows
 * the bank: approved when the approval is this payment's, else held as APPROVAL_MISMATCH.
 */
import type { Payment } from '../../../../shared/contract';
import { GatewayError, type LookupResponse, type PaymentGateway } from '../gateway/gateway';
import { approvalMismatch } from './approval-check';
import type { TransitionFields } from './payment-repo';

export interface WithdrawDeps {
  gateway: () => PaymentGateway;
  get: (id: number) => Payment;
  set: (id: number, status: Payment['status'], f?: TransitionFields, detail?: string) => Payment;
  now: () => Date;
}

export async function withdrawFailed(d: WithdrawDeps, id: number): Promise<void> {
  const p = d.get(id);
  if (p.status !== 'failed' || !p.tid) return;
  const gw = d.gateway();
  if (!gw.quitReady) return; // a real Kakao tid simply expires; this terminal never approves it again
  let remote: LookupResponse | null;
  try {
    remote = await gw.quitReady(p.cid, p.tid);
  } catch (e) {
    // PAYMENT_STATE: approved (or cancelled) after all; otherwise (unreachable, unknown) the tid simply
    // expires at the backend, and nothing can approve it: this terminal never sends approve for it.
    if (!(e instanceof GatewayError && e.kind === 'rejected' && e.code === 'PAYMENT_STATE')) return;
    remote = await gw.lookupByTid(p.cid, p.tid).catch(() => null);
  }
  if (remote?.status !== 'APPROVED') return;
  const now = d.get(id);
  if (now.status !== 'failed') return;
  const mismatch = approvalMismatch(now, remote);
  if (mismatch) d.set(id, 'unknown', { error: { code: 'APPROVAL_MISMATCH', detail: mismatch } }, 'withdrawal refused: approval does not match');
  else d.set(id, 'approved', { tid: remote.tid, methodType: remote.paymentMethodType ?? undefined, approvedAt: d.now().toISOString(), error: null }, 'withdrawal refused: the backend approved it');
}
