/**
 * The customer-facing screen ("#/display"): the items and the amount to pay, "QR을 스캔해 주세요" while
 * the terminal waits for the customer's QR, the terminal's QR for the customer's phone (merchant-
 * presented), then 승인 / 거절 (with the reason in plain words) and a thank-you. Korean first, English
 * small below, whatever language the cashier uses. Read-only: it only fetches and follows display.state.
 */
import { useEffect, useState } from 'react';
import type { DisplayState } from '../../../../shared/contract';
import { itemLabel, type CartItem } from '../../../../shared/domain/cart';
import { formatKrw } from '../../../../shared/domain/money';
import { QrCode } from '../../components/QrCode';
import { translate, type MessageKey } from '../../i18n/i18n';
import { HEADLINE, reasonKey, timeLeft } from './display-view';
import { useDisplayState } from './useDisplayState';
import './display.css';


/** Korean, with the English below it in small type. */
function Bi({ k, vars, className = '' }: { k: MessageKey; vars?: Record<string, string | number>; className?: string }) {
  return (
    <span className={`bi ${className}`}>
      <span className="bi__ko" lang="ko">
        {translate('ko', k, vars)}
      </span>
      <span className="bi__en" lang="en">
        {translate('en', k, vars)}
      </span>
    </span>
  );
}

/** Re-renders every half second while on (the countdown). */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const t = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(t);
  }, [on]);
  return now;
}

const MAX_LINES = 7;

function Items({ items, quantity }: { items: CartItem[]; quantity: number }) {
  const hidden = Math.max(0, items.length - MAX_LINES);
  return (
    <section className="cd__items" aria-label={translate('ko', 'display.yourOrder')}>
      <h2 className="cd__label">
        <Bi k="display.items" vars={{ n: quantity }} />
      </h2>
      {hidden > 0 && (
        <p className="cd__more">
          <Bi k="display.moreItems" vars={{ n: hidden }} />
        </p>
      )}
      <ol className="cd__lines" data-testid="display-items">
        {items.slice(hidden).map((it, i) => (
          <li key={hidden + i} className="cd__line" data-testid="display-item">
            <span className="cd__name">
              {itemLabel(it)}
              {it.taxFree && <small className="cd__taxfree">면세</small>}
            </span>
            <span className="cd__qty num">×{it.quantity}</span>
            <span className="cd__line-amount num">{formatKrw(it.unitPrice * it.quantity)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Amount({ amount }: { amount: number }) {
  return (
    <div className="cd__amount">
      <Bi k="display.amount" className="cd__label" />
      <output className="cd__amount-value num" data-testid="display-amount" data-value={amount}>
        {formatKrw(amount)}
      </output>
    </div>
  );
}

function Status({ state, now }: { state: DisplayState; now: number }) {
  const p = state.phase;
  const icon = p === 'approved' ? '✓' : p === 'declined' ? '✕' : p === 'awaiting_scan' ? '▣' : null;
  const left = p === 'mpm_qr' ? timeLeft(state.expiresAt, now) : null;
  return (
    <div className={`cd__status cd__status--${p}`} data-testid="display-status" role="status" aria-live="assertive">
      {p === 'processing' && <span className="cd__spinner" aria-hidden="true" />}
      {icon && (
        <span className="cd__icon" aria-hidden="true">
          {icon}
        </span>
      )}
      <Bi k={HEADLINE[p]} className="cd__headline" />
      {p === 'awaiting_scan' && <Bi k="display.scanHint" className="cd__hint" />}
      {p === 'processing' && <Bi k="display.processingHint" className="cd__hint" />}
      {p === 'mpm_qr' && <Bi k="display.mpmHint" className="cd__hint" />}
      {p === 'declined' && (
        <span className="cd__reason" data-testid="display-reason" data-code={state.message ?? ''}>
          <Bi k={reasonKey(state.message)} />
        </span>
      )}
      {left && (
        <span className="cd__time-left" data-testid="display-time-left">
          <Bi k="display.timeLeft" vars={{ t: left }} />
        </span>
      )}
    </div>
  );
}

export function CustomerDisplay() {
  const { state, offline } = useDisplayState();
  const now = useNow(state?.phase === 'mpm_qr');
  useEffect(() => {
    document.documentElement.lang = 'ko';
    document.title = '고객 화면 · Customer display';
  }, []);

  if (!state) {
    return (
      <main className="cd cd--greeting" data-testid="customer-display" data-phase="loading">
        <Bi k={offline ? 'display.offline' : 'display.connecting'} className="cd__hello" />
      </main>
    );
  }
  const p = state.phase;
  return (
    <main className={`cd cd--${p}${p === 'idle' || p === 'thanks' ? ' cd--greeting' : ''}`} data-testid="customer-display" data-phase={p} data-seq={state.seq}>
      {offline && <p className="cd__offline">연결 끊김 · Offline</p>}
      {p === 'idle' || p === 'thanks' ? (
        <>
          <Bi k={HEADLINE[p]} className="cd__hello" />
          {p === 'thanks' && <Bi k="display.thanksHint" className="cd__hint" />}
          {state.storeName && <p className="cd__store">{state.storeName}</p>}
        </>
      ) : (
        <div className="cd__body">
          <div className="cd__left">
            {p === 'mpm_qr' && state.qrText ? (
              <figure className="cd__qr">
                <QrCode text={state.qrText} size={420} label={translate('ko', 'display.mpmTitle')} testId="display-qr" />
              </figure>
            ) : (
              <Items items={state.items} quantity={state.totals.quantity} />
            )}
          </div>
          <div className="cd__right">
            {state.storeName && <p className="cd__store cd__store--small">{state.storeName}</p>}
            <Amount amount={state.amount} />
            <Status state={state} now={now} />
          </div>
        </div>
      )}
    </main>
  );
}
