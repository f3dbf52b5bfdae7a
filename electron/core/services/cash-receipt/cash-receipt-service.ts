/**
 * 현금영수증 with the payments' money-safety rules: the request is committed (created → issue_requested)
 * before the call; a timeout, reset, 5xx or garbage answer is 'unknown' and is looked up by the order id
 * it was sent with; the backend issues an order id once (a repeat is refused as DUPLICATE_ORDER, which
 * is looked up too), so a retry can never issue twice. A cancel (whole or partial, when the cash it
 * covers is refunded) is committed first as well and carries an Idempotency-Key fixed by the committed state.
 */
import { GatewayError } from '../gateway/gateway';
import type { CashReceipt } from '../../../../shared/contract-cash';
import { checkIdentity, maskIdentity, SELF_ISSUE_NUMBER, type CashReceiptPurpose } from '../../../../shared/domain/cash/cash-receipt-identity';
import { PosError } from '../../../../shared/domain/errors';
import { splitVat } from '../../../../shared/domain/vat';
import type { CashReceiptApi, RemoteCashReceipt } from './cash-receipt-client';
import { toCashReceipt, type CashReceiptRow, type CounterRepo } from '../order/counter-repo';

export interface CashReceiptServiceDeps {
  repo: CounterRepo;
  api: () => CashReceiptApi;
  /** Called after every change (the order service re-broadcasts the order). */
  onChange: (orderId: number) => void;
  lookupDelaysMs?: readonly number[];
}

const DEFAULT_DELAYS = [300, 1000, 2000, 4000];

export class CashReceiptService {
  private readonly running = new Map<number, Promise<CashReceipt>>();
  private readonly delays: readonly number[];

  constructor(private readonly d: CashReceiptServiceDeps) {
    this.delays = d.lookupDelaysMs ?? DEFAULT_DELAYS;
  }

  /**
   * Records the intent (inside the caller's transaction when there is one): the receipt row in state
   * created. `identity` null = 자진발급 to 010-000-1234. Returns the row id; `issue(id)` sends it.
   */
  record(o: { orderId: number; orderNo: string; tenderId: number; amount: number; taxFree: number; purpose: CashReceiptPurpose; identity: string | null }): number {
    const self = o.identity === null;
    const purpose = self ? '소득공제' : o.purpose;
    const check = checkIdentity(purpose, o.identity ?? SELF_ISSUE_NUMBER);
    if (!check.ok) throw new PosError(check.reason, 'cash receipt identity');
    if (this.d.repo.receiptByTender(o.tenderId)) throw new PosError('CASH_RECEIPT_EXISTS', `tender ${o.tenderId}`);
    const v = splitVat(o.amount, o.taxFree);
    const at = this.d.repo.at();
    const info = this.d.repo.db
      .prepare(
        `INSERT INTO cash_receipts (order_id, tender_id, request_id, status, purpose, identity, identity_masked, self_issued, amount, tax_free, supply, vat, created_at, updated_at)
         VALUES (?, ?, ?, 'created', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(o.orderId, o.tenderId, `${o.orderNo}-CR${o.tenderId}`, purpose, check.digits, maskIdentity(check.digits), self ? 1 : 0, o.amount, v.taxFree, v.supply, v.vat, at, at);
    const id = Number(info.lastInsertRowid);
    this.d.repo.created('cash_receipt', id, 'created', self ? 'self-issue 010-000-1234' : undefined);
    return id;
  }

  get(id: number): CashReceipt {
    const r = this.d.repo.receiptRow(id);
    if (!r) throw new PosError('CASH_RECEIPT_NOT_FOUND', `cash receipt ${id}`);
    return toCashReceipt(r);
  }

  /** Sends a recorded receipt (created → issue_requested, committed before the call). */
  issue(id: number): Promise<CashReceipt> {
    return this.serial(id, async () => {
      const r = this.row(id);
      if (r.status !== 'created') return toCashReceipt(r);
      this.set(r, 'issue_requested');
      return this.sendIssue(id);
    });
  }

  /** Looks an unsettled receipt (unknown issue or cancel) up again: the cashier's 다시 확인, and start-up. */
  recheck(id: number): Promise<CashReceipt> {
    return this.serial(id, () => this.settle(id, 1));
  }

  async recoverOnStart(): Promise<void> {
    for (const r of this.d.repo.openReceiptRows()) {
      // a receipt recorded with the cash of an order still open is issued when the order completes
      if (r.status === 'created' && this.d.repo.orderRow(r.order_id)?.status !== 'completed') continue;
      if (r.status === 'created') await this.issue(r.id);
      else await this.recheck(r.id).catch((e: unknown) => console.error('[cash-receipt] recovery failed', e));
    }
  }

  /** Cancels `amount` of an issued receipt (its cash was refunded): committed before the call. */
  cancel(id: number, amount: number): Promise<CashReceipt> {
    return this.serial(id, async () => {
      const r = this.row(id);
      if (r.status !== 'issued') throw new PosError('ILLEGAL_TRANSITION', `cash receipt ${id} is ${r.status}`);
      const left = r.amount - r.cancelled_amount;
      const amt = Math.min(amount, left);
      if (amt <= 0) return toCashReceipt(r);
      this.set(r, 'cancel_requested', { pending_cancel: amt });
      return this.sendCancel(id);
    });
  }

  // ── internals ──
  private row(id: number): CashReceiptRow {
    const r = this.d.repo.receiptRow(id);
    if (!r) throw new PosError('CASH_RECEIPT_NOT_FOUND', `cash receipt ${id}`);
    return r;
  }

  private set(r: CashReceiptRow, to: CashReceipt['status'], f: Record<string, string | number | null> = {}, detail?: string): CashReceiptRow {
    this.d.repo.transition('cash_receipt', r.id, to, f, detail);
    this.d.onChange(r.order_id);
    return this.row(r.id);
  }

  private serial(id: number, fn: () => Promise<CashReceipt>): Promise<CashReceipt> {
    const prev = this.running.get(id) ?? Promise.resolve(null);
    const next = prev.then(fn, fn).finally(() => {
      if (this.running.get(id) === next) this.running.delete(id);
    });
    this.running.set(id, next);
    return next;
  }

  private issued(r: CashReceiptRow, remote: RemoteCashReceipt, detail: string): CashReceipt {
    if (remote.amount !== r.amount || remote.orderId !== r.request_id) {
      return toCashReceipt(this.set(r, r.status === 'unknown' ? 'unknown' : 'unknown', { error_code: 'BACKEND_BAD_RESPONSE', error_detail: `issued ${remote.amount} for ${remote.orderId}` }));
    }
    return toCashReceipt(this.set(r, 'issued', { issue_number: remote.issueNumber, receipt_key: remote.receiptKey, issued_at: new Date(remote.requestedAt).toISOString(), error_code: null, error_detail: null }, detail));
  }

  private async sendIssue(id: number): Promise<CashReceipt> {
    const r = this.row(id);
    try {
      const remote = await this.d.api().issue({ amount: r.amount, taxFreeAmount: r.tax_free, orderId: r.request_id, orderName: `현금 ${r.order_id}`, customerIdentityNumber: r.identity, type: r.purpose });
      return this.issued(this.row(id), remote, 'issued');
    } catch (e) {
      const g = e instanceof GatewayError ? e : null;
      if (g && (g.kind === 'unreachable' || (g.kind === 'rejected' && g.code !== 'DUPLICATE_ORDER'))) {
        return toCashReceipt(this.set(this.row(id), 'failed', { error_code: g.code, error_detail: g.detail ?? null }));
      }
      // sent, outcome open (timeout, reset, 5xx, garbage), or "already issued": look it up, never re-issue blindly
      this.set(this.row(id), 'unknown', { error_code: g?.code ?? 'BACKEND_UNKNOWN', error_detail: (g?.detail ?? String(e)).slice(0, 300) });
      return this.settle(id, this.delays.length);
    }
  }

  private async sendCancel(id: number): Promise<CashReceipt> {
    const r = this.row(id);
    try {
      const remote = await this.d.api().cancel(r.receipt_key ?? '', r.pending_cancel, this.cancelKey(r));
      return this.cancelled(this.row(id), remote);
    } catch (e) {
      const g = e instanceof GatewayError ? e : null;
      if (g && (g.kind === 'unreachable' || g.kind === 'rejected')) {
        // refused: the receipt stays issued as it was (the cashier sees the error and may try again)
        return toCashReceipt(this.set(this.row(id), 'issued', { pending_cancel: 0, error_code: g.code, error_detail: g.detail ?? null }, 'cancel refused'));
      }
      this.set(this.row(id), 'cancel_unknown', { error_code: g?.code ?? 'BACKEND_UNKNOWN', error_detail: (g?.detail ?? String(e)).slice(0, 300) });
      return this.settle(id, this.delays.length);
    }
  }

  /** Fixed by the committed state: a retry of the same cancel sends the same key (the backend replays). */
  private cancelKey(r: CashReceiptRow): string {
    return `${r.request_id}-cancel-${r.cancelled_amount}-${r.pending_cancel}`;
  }

  private cancelled(r: CashReceiptRow, remote: RemoteCashReceipt): CashReceipt {
    const total = r.cancelled_amount + r.pending_cancel;
    if (remote.cancelledAmount < total) return toCashReceipt(this.set(r, 'cancel_unknown', { error_code: 'BACKEND_BAD_RESPONSE', error_detail: `cancelled ${remote.cancelledAmount} < ${total}` }));
    return toCashReceipt(this.set(r, total >= r.amount ? 'cancelled' : 'issued', { cancelled_amount: total, pending_cancel: 0, error_code: null, error_detail: null }, `cancel ${r.pending_cancel}`));
  }

  /** Bounded look-ups of an unknown issue or cancel. */
  private async settle(id: number, attempts: number): Promise<CashReceipt> {
    for (let i = 0; i < Math.max(1, attempts); i++) {
      const r = this.row(id);
      if (r.status !== 'unknown' && r.status !== 'issue_requested' && r.status !== 'cancel_unknown' && r.status !== 'cancel_requested') return toCashReceipt(r);
      if (attempts > 1) await new Promise((res) => setTimeout(res, this.delays[i] ?? 1000));
      let remote: RemoteCashReceipt | null;
      try {
        remote = await this.d.api().lookup(r.request_id);
      } catch {
        continue;
      }
      const cur = this.row(id);
      if (cur.status === 'unknown' || cur.status === 'issue_requested') {
        if (cur.status === 'issue_requested') this.set(cur, 'unknown', {}, 'found mid-flight');
        if (remote) return this.issued(this.row(id), remote, 'lookup: issued');
        // Never reached the backend: send the same order id again (a duplicate would be refused, then looked up).
        try {
          const again = await this.d.api().issue({ amount: cur.amount, taxFreeAmount: cur.tax_free, orderId: cur.request_id, orderName: `현금 ${cur.order_id}`, customerIdentityNumber: cur.identity, type: cur.purpose });
          return this.issued(this.row(id), again, 'reissued after lookup: not found');
        } catch (e) {
          if (e instanceof GatewayError && e.kind === 'rejected' && e.code !== 'DUPLICATE_ORDER') return toCashReceipt(this.set(this.row(id), 'failed', { error_code: e.code, error_detail: e.detail ?? null }));
          continue;
        }
      } else {
        if (cur.status === 'cancel_requested') this.set(cur, 'cancel_unknown', {}, 'found mid-flight');
        const c = this.row(id);
        if (!remote) continue;
        if (remote.cancelledAmount >= c.cancelled_amount + c.pending_cancel) return this.cancelled(c, remote);
        // not applied: send the same cancel again (same Idempotency-Key)
        try {
          return this.cancelled(this.row(id), await this.d.api().cancel(c.receipt_key ?? remote.receiptKey, c.pending_cancel, this.cancelKey(c)));
        } catch {
          continue;
        }
      }
    }
    return toCashReceipt(this.row(id));
  }
}
