/**
 * 현금 · 분할 (F8): the order's payment by tenders, keyboard-first. Cash: the amount in cash (default: all
 * that is left), what the customer handed over (quick keys 정확히 / 1만 / 5만, or typed), the change shown
 * large, optional 현금영수증 (소득공제: phone or card; 지출증빙: 사업자등록번호). QR: the amount by QR and the
 * customer's QR, through the same payment state machine. Either order; the order completes when covered.
 * A declined or unknown QR part leaves it open: retry, switch tender, or void (cash given back).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CashReceiptRequest, Order } from '../../../../shared/contract-cash';
import { checkIdentity } from '../../../../shared/domain/cash/cash-receipt-identity';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { Kbd } from '../../components/Kbd';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { changeFor, parseAmount, quickAmount } from './tender-form';
import { CashReceiptLine, TenderLine } from './TenderLine';
import './tender.css';

type CrPurpose = 'none' | CashReceiptRequest['purpose'];

export function TenderScreen({ order: initial, onDone, onBack, demoQr }: { order: Order; onDone: () => void; onBack: () => void; demoQr?: (() => Promise<string>) | undefined }) {
  const { t, krw } = useI18n();
  const [order, setOrder] = useState(initial);
  const [cashAmount, setCashAmount] = useState(String(initial.due));
  const [received, setReceived] = useState('');
  const [qrAmount, setQrAmount] = useState(String(initial.due));
  const [qrText, setQrText] = useState('');
  const [purpose, setPurpose] = useState<CrPurpose>('none');
  const [identity, setIdentity] = useState('');
  const [error, setError] = useState<{ code: ErrorCode; field: 'cash' | 'received' | 'qr' | 'cr' | 'order' } | null>(null);
  const [busy, setBusy] = useState(false);
  const receivedRef = useRef<HTMLInputElement>(null);
  const qrRef = useRef<HTMLInputElement>(null);

  useEffect(() => pos.on('order.updated', (o) => o.id === order.id && setOrder(o)), [order.id]);
  // what is left to pay changed (a tender went through): both amount fields follow it
  const [seenDue, setSeenDue] = useState(order.due);
  if (seenDue !== order.due) {
    setSeenDue(order.due);
    setCashAmount(String(order.due));
    setQrAmount(String(order.due));
  }
  useEffect(() => receivedRef.current?.focus(), []);

  const amountNow = parseAmount(cashAmount);
  const receivedNow = parseAmount(received);
  const change = amountNow.ok ? changeFor(receivedNow.ok ? receivedNow.value : null, amountNow.value) : null;
  const finished = order.status !== 'open';

  const act = async (fn: () => Promise<Order>, field: 'cash' | 'qr' | 'order') => {
    setBusy(true);
    setError(null);
    try {
      setOrder(await fn());
      if (field === 'qr') setQrText('');
      if (field === 'cash') setReceived('');
    } catch (e) {
      setError({ code: errorCodeOf(e), field });
    } finally {
      setBusy(false);
    }
  };

  const takeCash = (e?: FormEvent) => {
    e?.preventDefault();
    if (!amountNow.ok) return setError({ code: 'CASH_AMOUNT_INVALID', field: 'cash' });
    if (amountNow.value > order.due) return setError({ code: 'TENDER_EXCEEDS_DUE', field: 'cash' });
    if (!receivedNow.ok) return setError({ code: 'CASH_AMOUNT_INVALID', field: 'received' });
    if (receivedNow.value < amountNow.value) return setError({ code: 'CASH_RECEIVED_SHORT', field: 'received' });
    let cashReceipt: CashReceiptRequest | undefined;
    if (purpose !== 'none') {
      const c = checkIdentity(purpose, identity);
      if (!c.ok) return setError({ code: c.reason, field: 'cr' });
      cashReceipt = { purpose, identity: c.digits };
    }
    void act(() => pos.addCashTender({ orderId: order.id, amount: amountNow.value, received: receivedNow.value, ...(cashReceipt ? { cashReceipt } : {}) }), 'cash');
  };

  const payQr = (e?: FormEvent) => {
    e?.preventDefault();
    const a = parseAmount(qrAmount);
    if (!a.ok) return setError({ code: 'CASH_AMOUNT_INVALID', field: 'qr' });
    if (qrText.trim() === '') return setError({ code: 'QR_EMPTY', field: 'qr' });
    void act(() => pos.addQrTender({ orderId: order.id, amount: a.value, qrText: qrText.trim() }), 'qr');
  };

  useEffect(() => {
    if (!finished) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && !e.repeat) {
        e.preventDefault();
        onDone();
      }
    };
    const id = setTimeout(() => window.addEventListener('keydown', onKey), 400);
    return () => {
      clearTimeout(id);
      window.removeEventListener('keydown', onKey);
    };
  }, [finished, onDone]);

  const lastCash = [...order.tenders].reverse().find((x) => x.kind === 'cash');
  return (
    <main className="screen tender" data-testid="tender-screen" data-order-status={order.status}>
      <section className="tender__summary">
        <h2 className="screen-title">{t('tender.title')}</h2>
        <p className="muted">{order.orderNo}</p>
        <dl className="tender__totals">
          <dt>{t('tender.total')}</dt>
          <dd className="num" data-testid="tender-total">
            {krw(order.total)}
          </dd>
          <dt>{t('tender.due')}</dt>
          <dd className="num tender__due" data-testid="tender-due" data-value={order.due}>
            {krw(order.due)}
          </dd>
        </dl>
        <h3>{t('tender.paid')}</h3>
        <ul className="tender__list" data-testid="tender-list">
          {order.tenders.map((x) => (
            <TenderLine key={x.id} tender={x} finished={order.status === 'completed'} onChanged={setOrder} />
          ))}
        </ul>
        {order.cashReceipts.map((r) => (
          <CashReceiptLine key={r.id} receipt={r} />
        ))}
        {!finished && (
          <div className="tender__order-actions">
            <button type="button" className="btn btn--secondary" data-testid="tender-back" disabled={busy || order.tenders.length > 0} onClick={onBack}>
              {t('tender.back')}
            </button>
            <button type="button" className="btn btn--danger" data-testid="tender-void" disabled={busy} onClick={() => void act(() => pos.voidOrder({ orderId: order.id }), 'order')}>
              {t('tender.void')}
            </button>
          </div>
        )}
        {error?.field === 'order' && <ErrorText code={error.code} testId="tender-order-error" />}
      </section>

      {finished ? (
        <section className="tender__done" data-testid="tender-done">
          <p className={`tender__done-title ${order.status === 'voided' ? 'is-bad' : ''}`}>{t(order.status === 'voided' ? 'tender.voided' : 'tender.completed')}</p>
          {lastCash && order.status === 'completed' && (
            <p className="tender__change">
              <span>{t('tender.change')}</span>
              <output className="num" data-testid="tender-change-final" data-value={lastCash.change}>
                {krw(lastCash.change)}
              </output>
            </p>
          )}
          {lastCash && order.status === 'completed' && <p className="muted">{t('tender.printing')}</p>}
          <button type="button" className="btn btn--primary btn--big" data-testid="tender-new-sale" onClick={() => onDone()}>
            {t('tender.newSale')}
          </button>
        </section>
      ) : (
        <section className="tender__forms">
          <form className="tender__cash" onSubmit={takeCash} aria-label={t('tender.cash')}>
            <h3>{t('tender.cash')}</h3>
            <div className="tender__row">
              <label className="field">
                {t('tender.cashAmount')}
                <input data-testid="cash-amount" inputMode="numeric" value={cashAmount} onChange={(e) => setCashAmount(e.target.value)} aria-invalid={error?.field === 'cash' ? true : undefined} />
              </label>
              <label className="field">
                {t('tender.received')}
                <input ref={receivedRef} data-testid="cash-received" inputMode="numeric" value={received} onChange={(e) => setReceived(e.target.value)} aria-invalid={error?.field === 'received' ? true : undefined} />
              </label>
            </div>
            <div className="tender__quick">
              {(['exact', '10k', '50k'] as const).map((k) => (
                <button key={k} type="button" className="btn btn--secondary" data-testid={`quick-${k}`} onClick={() => setReceived(String(quickAmount(k, amountNow.ok ? amountNow.value : order.due)))}>
                  {t(`tender.${k}` as MessageKey)}
                </button>
              ))}
            </div>
            <p className="tender__change">
              <span>{t('tender.change')}</span>
              <output className="num" data-testid="tender-change">
                {change === null ? '—' : krw(change)}
              </output>
            </p>
            <div className="tender__cr-form">
              <label className="field">
                {t('cr.title')}
                <select data-testid="cr-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as CrPurpose)}>
                  <option value="none">{t('cr.none')}</option>
                  <option value="소득공제">{t('cr.income')}</option>
                  <option value="지출증빙">{t('cr.expense')}</option>
                </select>
              </label>
              {purpose !== 'none' && (
                <label className="field">
                  {t('cr.number')}
                  <input data-testid="cr-identity" inputMode="numeric" maxLength={30} value={identity} onChange={(e) => setIdentity(e.target.value)} aria-invalid={error?.field === 'cr' ? true : undefined} />
                </label>
              )}
            </div>
            {(error?.field === 'cash' || error?.field === 'received' || error?.field === 'cr') && <ErrorText code={error.code} testId="tender-cash-error" />}
            <button type="submit" className="btn btn--primary" data-testid="cash-submit" disabled={busy}>
              {t('tender.takeCash')}
            </button>
          </form>

          <form className="tender__qr" onSubmit={payQr} aria-label={t('tender.qr')}>
            <h3>{t('tender.qr')}</h3>
            <div className="tender__row">
              <label className="field">
                {t('tender.qrAmount')}
                <input data-testid="qr-amount" inputMode="numeric" value={qrAmount} onChange={(e) => setQrAmount(e.target.value)} />
              </label>
              <label className="field">
                {t('tender.qrScan')}
                <input ref={qrRef} data-testid="qr-text" value={qrText} autoComplete="off" onChange={(e) => setQrText(e.target.value)} aria-invalid={error?.field === 'qr' ? true : undefined} />
              </label>
            </div>
            {error?.field === 'qr' && <ErrorText code={error.code} testId="tender-qr-error" />}
            <div className="tender__quick">
              <button type="submit" className="btn btn--primary" data-testid="qr-submit" disabled={busy}>
                {t('tender.payQr')}
              </button>
              {demoQr && (
                <button type="button" className="btn btn--secondary" data-testid="tender-demo-qr" onClick={() => void demoQr().then((q) => (setQrText(q), qrRef.current?.focus()))}>
                  <Kbd>QR</Kbd> demo
                </button>
              )}
            </div>
          </form>
        </section>
      )}
    </main>
  );
}
