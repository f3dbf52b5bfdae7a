/**
 * 개점 (float by total or by denomination), 입금/출금 (amount + reason), 마감 (count by denomination, live
 * over/short, note; refused with what is open or unsettled, with 다시 확인), and the printed close report.
 */
import { useState, type FormEvent } from 'react';
import type { DrawerSession, DrawerState } from '../../../../shared/contract-cash';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { pos } from '../../api/pos';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { parseAmount } from '../tender/tender-form';
import { DenominationCount, parseCounts } from './DenominationCount';

export type DrawerMode = 'open' | 'movement' | 'close' | { report: number };

export function DrawerDialog({ mode, state, onClose, onMode }: { mode: DrawerMode; state: DrawerState | null; onClose: () => void; onMode: (m: DrawerMode) => void }) {
  if (mode === 'open') return <OpenForm onClose={onClose} />;
  if (mode === 'movement') return <MovementForm onClose={onClose} />;
  if (mode === 'close') return state?.current ? <CloseForm session={state.current} onClose={onClose} onClosed={(s) => onMode({ report: s.id })} /> : null;
  return <ReportView id={mode.report} onClose={onClose} />;
}

function useSubmit() {
  const [error, setError] = useState<ErrorCode | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, done: () => void) => {
    setBusy(true);
    setError(null);
    setDetail(null);
    try {
      await fn();
      done();
    } catch (e) {
      setError(errorCodeOf(e));
      setDetail(e instanceof Error && 'detail' in e ? String((e as { detail?: unknown }).detail ?? '') : null);
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, detail, busy, run };
}

function OpenForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [byCount, setByCount] = useState(false);
  const [total, setTotal] = useState('');
  const [counts, setCounts] = useState<Record<string, string>>({});
  const s = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (byCount) {
      const c = parseCounts(counts);
      if (!c) return s.setError('DRAWER_COUNT_INVALID');
      return void s.run(() => pos.openDrawer({ counts: c }), onClose);
    }
    const a = total.trim() === '' || total.trim() === '0' ? { ok: true as const, value: 0 } : parseAmount(total);
    if (!a.ok) return s.setError(a.code);
    void s.run(() => pos.openDrawer({ float: a.value }), onClose);
  };
  return (
    <Dialog title={t('drawer.openTitle')} testId="drawer-open-dialog" onClose={onClose}>
      <form onSubmit={submit} className="drawer-form">
        <label className="check">
          <input type="checkbox" data-testid="float-by-count" checked={byCount} onChange={(e) => setByCount(e.target.checked)} /> {t('drawer.byDenomination')}
        </label>
        {byCount ? (
          <DenominationCount counts={counts} onChange={setCounts} invalid={s.error !== null} testPrefix="float" />
        ) : (
          <label className="field">
            {t('drawer.float')}
            <input data-testid="float-total" data-autofocus inputMode="numeric" value={total} onChange={(e) => setTotal(e.target.value)} aria-invalid={s.error ? true : undefined} />
          </label>
        )}
        <ErrorText code={s.error} testId="drawer-error" />
        <div className="dialog__actions">
          <button type="button" className="btn btn--secondary" onClick={onClose}>
            {t('drawer.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" data-testid="drawer-open-submit" disabled={s.busy}>
            {t('drawer.open')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function MovementForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'paid_in' | 'paid_out'>('paid_out');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const s = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const a = parseAmount(amount);
    if (!a.ok) return s.setError(a.code);
    if (reason.trim() === '') return s.setError('REASON_REQUIRED');
    void s.run(() => pos.drawerMovement({ kind, amount: a.value, reason: reason.trim() }), onClose);
  };
  return (
    <Dialog title={t('drawer.movement')} testId="drawer-movement-dialog" onClose={onClose}>
      <form onSubmit={submit} className="drawer-form">
        <div className="segmented" role="radiogroup">
          {(['paid_in', 'paid_out'] as const).map((k) => (
            <label key={k} className={kind === k ? 'is-active' : ''}>
              <input type="radio" name="movement" data-testid={`movement-${k}`} checked={kind === k} onChange={() => setKind(k)} /> {t(k === 'paid_in' ? 'drawer.paidIn' : 'drawer.paidOut')}
            </label>
          ))}
        </div>
        <label className="field">
          {t('drawer.amount')}
          <input data-testid="movement-amount" data-autofocus inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <label className="field">
          {t('drawer.reason')}
          <input data-testid="movement-reason" maxLength={100} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <ErrorText code={s.error} testId="drawer-error" />
        <div className="dialog__actions">
          <button type="button" className="btn btn--secondary" onClick={onClose}>
            {t('drawer.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" data-testid="movement-submit" disabled={s.busy}>
            {t('drawer.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function CloseForm({ session, onClose, onClosed }: { session: DrawerSession; onClose: () => void; onClosed: (s: DrawerSession) => void }) {
  const { t } = useI18n();
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const s = useSubmit();
  const parsed = parseCounts(counts);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!parsed) return s.setError('DRAWER_COUNT_INVALID');
    // 다시 확인 submits again: the core checks what is still open or unsettled at that moment
    let closed: DrawerSession | null = null;
    void s.run(
      async () => {
        closed = await pos.closeDrawer({ counts: parsed, note: note.trim() });
      },
      () => closed && onClosed(closed),
    );
  };
  return (
    <Dialog title={t('drawer.closeTitle')} testId="drawer-close-dialog" onClose={onClose} className="dialog--wide">
      <form onSubmit={submit} className="drawer-form">
        <DenominationCount counts={counts} onChange={(c) => (setCounts(c), s.setError(null))} invalid={s.error === 'DRAWER_COUNT_INVALID'} testPrefix="close" expected={session.report.expected} />
        <label className="field">
          {t('drawer.note')}
          <input data-testid="close-note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <ErrorText code={s.error} testId="drawer-error" />
        {s.detail && (s.error === 'DRAWER_UNSETTLED' || s.error === 'ORDER_OPEN') && (
          <p className="muted" data-testid="drawer-error-detail">
            {s.detail.replace(/^[A-Z_]+: /, '')}{' '}
            <button type="button" className="btn btn--secondary btn--small" onClick={submit}>
              {t('drawer.recheck')}
            </button>
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="btn btn--secondary" onClick={onClose}>
            {t('drawer.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" data-testid="close-submit" disabled={s.busy}>
            {t('drawer.confirmClose')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ReportView({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState<string[] | null>(null);
  const [printed, setPrinted] = useState(false);
  if (text === null) void pos.getDrawerReportPreview({ id }).then((r) => setText(r.text));
  return (
    <Dialog title={t('drawer.report')} testId="drawer-report-dialog" onClose={onClose}>
      <pre className="receipt-paper drawer-report" data-testid="drawer-report-text">
        {(text ?? []).join('\n')}
      </pre>
      <div className="dialog__actions">
        <button type="button" className="btn btn--secondary" onClick={onClose}>
          {t('drawer.cancel')}
        </button>
        <button type="button" className="btn btn--primary" data-testid="drawer-report-print" onClick={() => void pos.printDrawerReport({ id }).then(() => setPrinted(true))}>
          {printed ? t('drawer.printed') : t('drawer.print')}
        </button>
      </div>
    </Dialog>
  );
}
