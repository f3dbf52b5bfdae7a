/** The cashier's screen during a merchant-presented QR sale: the amount, the QR (also on the customer display), the time left, Esc = cancel. */
import { useEffect, useEffectEvent, useState } from 'react';
import { QrCode } from '../../components/QrCode';
import { useI18n } from '../../i18n/i18n';
import { timeLeft } from '../display/display-view';
import type { MerchantQrState } from './useMerchantQr';
import './mpm.css';

export function MpmPanel({ state, amount, onCancel }: { state: MerchantQrState; amount: number; onCancel: () => void }) {
  const { t, krw } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, []);
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.repeat) return;
    e.preventDefault();
    onCancel();
  });
  useEffect(() => {
    const h = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);

  const session = state.step === 'starting' ? null : state.session;
  const approving = state.step !== 'starting' && state.approving;
  const left = session ? timeLeft(session.expiresAt, now) : null;
  return (
    <section className="mpm" data-testid="mpm-panel" data-step={approving ? 'approving' : state.step} aria-live="polite">
      <h2 className="mpm__title">{state.step === 'starting' ? t('mpm.starting') : t('mpm.title')}</h2>
      <p className="mpm__amount num" data-testid="mpm-amount">
        {krw(amount)}
      </p>
      {session && (
        <div className="mpm__body">
          <QrCode text={session.qrText} size={220} label={t('mpm.qrLabel')} testId="mpm-qr" className="mpm__qr" />
          <div className="mpm__info">
            <p>{t('mpm.hint')}</p>
            {left && (
              <p className="mpm__left num" data-testid="mpm-time-left">
                {t('mpm.timeLeft', { t: left })}
              </p>
            )}
            {approving && (
              <p className="mpm__approving" role="status">
                <span className="spinner" aria-hidden="true" /> {t('mpm.approving')}
              </p>
            )}
          </div>
        </div>
      )}
      <div className="result__actions">
        <button type="button" className="btn btn--secondary btn--big" data-testid="mpm-cancel" disabled={state.step !== 'waiting' || approving} onClick={onCancel}>
          {state.step === 'cancelling' ? t('mpm.cancelling') : t('mpm.cancel')}
        </button>
      </div>
    </section>
  );
}
