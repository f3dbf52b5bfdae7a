/**
 * 결제 취소: the amount (default the whole refundable amount, a part allowed), an optional 면세 part;
 * Enter confirms (a full refund shows its amount and asks once more: Enter again), Esc closes. Then the outcome: 취소 완료 / 확인 중 (do not cancel again; it settles by
 * itself, or with 다시 확인) / 취소 거절 with the reason. The outcome follows the pushed payment.
 */
import { useState, type FormEvent } from 'react';
import type { Payment, RefundInput } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { MoneyRows } from '../../components/MoneyRows';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { initialRefundForm, newRefund, outcomeOfRefund, parseRefundForm, taxFreeBounds, type RefundForm } from './refund-form';
import { FullRefundConfirm } from './FullRefundConfirm';

/** Amounts in messages with thousands separators ("8,000"). */
const grouped = (vars: Record<string, number> | undefined) => Object.fromEntries(Object.entries(vars ?? {}).map(([k, v]) => [k, v.toLocaleString('en-US')]));

interface RefundDialogProps {
  /** The payment as it is now (kept current by the screen from payment.updated). */
  payment: Payment;
  onDone: (p: Payment) => void;
  onClose: () => void;
}

export function RefundDialog({ payment, onDone, onClose }: RefundDialogProps) {
  const { t, krw, err } = useI18n();
  const [form, setForm] = useState<RefundForm>(() => initialRefundForm(payment));
  const [fieldError, setFieldError] = useState<{ field: 'amount' | 'taxFree'; text: string } | null>(null);
  const [callError, setCallError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [refundId, setRefundId] = useState<number | null>(null);
  /** A full refund waits here for the second Enter (the amount shown once more). */
  const [confirming, setConfirming] = useState<RefundInput | null>(null);

  const refund = refundId === null ? null : (payment.refunds.find((r) => r.id === refundId) ?? null);
  const amountNow = Number(form.amount.replaceAll(',', '')) || 0;
  const bounds = taxFreeBounds(payment, Math.min(amountNow, payment.refundableAmount));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const parsed = parseRefundForm(payment, form);
    if (!parsed.ok) {
      setFieldError({ field: parsed.field, text: t(parsed.message, grouped(parsed.vars)) });
      return;
    }
    setFieldError(null);
    if (parsed.input.amount === payment.refundableAmount) setConfirming(parsed.input);
    else void send(parsed.input);
  };

  const send = async (input: RefundInput) => {
    setConfirming(null);
    setCallError(null);
    setBusy(true);
    try {
      const after = await pos.refundPayment(input);
      setRefundId(newRefund(payment, after)?.id ?? null);
      onDone(after);
    } catch (ex) {
      setCallError(errorCodeOf(ex));
    } finally {
      setBusy(false);
    }
  };

  if (refund) {
    const outcome = outcomeOfRefund(refund);
    const title = t(`history.refund.outcome.${outcome}`);
    return (
      <Dialog key="outcome" title={t('history.refund.title')} testId="refund-dialog" onClose={onClose} className="refund-dialog">
        <div className={`refund-outcome refund-outcome--${outcome}`} data-testid="refund-outcome" data-status={refund.status} role="status" aria-live="assertive">
          <p className="refund-outcome__title">
            <span aria-hidden="true">{outcome === 'cancelled' ? '✓' : outcome === 'failed' ? '✕' : '…'}</span> {title}
          </p>
          <p className="refund-outcome__amount num">{krw(-refund.amount)}</p>
          {outcome === 'unknown' || outcome === 'pending' ? (
            <p className="refund-outcome__message" data-testid="refund-outcome-message" data-code="REFUND_UNKNOWN">
              {err('REFUND_UNKNOWN')}
            </p>
          ) : outcome === 'failed' ? (
            <p className="refund-outcome__message" data-testid="refund-outcome-message" data-code={refund.error?.code ?? 'INTERNAL'}>
              {err(refund.error?.code ?? 'INTERNAL')}
            </p>
          ) : (
            <p className="refund-outcome__message muted">{t('history.refund.doneHint', { rest: krw(payment.refundableAmount) })}</p>
          )}
        </div>
        <div className="dialog__actions">
          <button type="button" className="btn btn--primary btn--big" data-testid="refund-close" data-autofocus onClick={onClose}>
            {t('history.refund.close')}
          </button>
        </div>
      </Dialog>
    );
  }

  if (confirming) return <FullRefundConfirm payment={payment} onConfirm={() => void send(confirming)} onBack={() => setConfirming(null)} />;

  return (
    <Dialog key="form" title={t('history.refund.title')} testId="refund-dialog" onClose={busy ? undefined : onClose} className="refund-dialog">
      <MoneyRows
        className="refund-dialog__facts"
        rows={[
          { label: t('history.detail.orderId'), text: payment.orderId, mono: true },
          { label: t('history.refund.paid'), amount: payment.amount },
          ...(payment.refundedAmount > 0 ? [{ label: t('history.refund.already'), amount: payment.refundedAmount, tone: 'minus' as const }] : []),
          { label: t('history.refund.refundable'), amount: payment.refundableAmount, tone: 'total' as const, testId: 'refund-refundable' },
        ]}
      />
      <form className="refund-dialog__form" onSubmit={submit} noValidate>
        <Field
          label={t('history.refund.amount')}
          testId="refund-amount"
          inputMode="numeric"
          autoComplete="off"
          data-autofocus
          value={form.amount}
          disabled={busy}
          error={fieldError?.field === 'amount' ? fieldError.text : null}
          onChange={(e) => setForm({ ...form, amount: e.target.value })}
        />
        {payment.taxFree > 0 && (
          <Field
            label={t('history.refund.taxFree')}
            testId="refund-tax-free"
            inputMode="numeric"
            autoComplete="off"
            optional
            placeholder={t('history.refund.taxFreeAuto', grouped({ min: bounds.min, max: bounds.max }))}
            value={form.taxFree}
            disabled={busy}
            error={fieldError?.field === 'taxFree' ? fieldError.text : null}
            onChange={(e) => setForm({ ...form, taxFree: e.target.value })}
          />
        )}
        <p className="refund-dialog__hint muted">{t('history.refund.hint')}</p>
        <ErrorText code={callError} testId="refund-error" />
        <div className="dialog__actions">
          <button type="submit" className="btn btn--warn btn--big" data-testid="refund-confirm" disabled={busy}>
            {busy ? t('history.refund.busy') : t('history.refund.confirm')}
          </button>
          <button type="button" className="btn btn--secondary" data-testid="refund-cancel" disabled={busy} onClick={onClose}>
            {t('history.refund.back')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
