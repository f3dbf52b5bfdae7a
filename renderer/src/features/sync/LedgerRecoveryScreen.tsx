/**
 * The restore choice (issue 14): shown instead of the app when the core started without a usable
 * ledger. Says what is wrong, offers a restore from the head office and from the newest backup (each
 * only when possible), and reloads the app once the terminal runs on the restored ledger.
 */
import { useState } from 'react';
import type { LedgerRecovery } from '../../../../shared/contract-recovery';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { LanguageToggle } from '../../components/LanguageToggle';
import { useI18n, type Lang } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';

export function LedgerRecoveryScreen({ recovery, onLanguage, onRestored }: { recovery: LedgerRecovery; onLanguage: (l: Lang) => void; onRestored: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<{ payments: number; events: number } | null>(null);
  const restore = async (source: 'headoffice' | 'backup') => {
    setBusy(true);
    setError(null);
    try {
      const r = await pos.restoreLedger({ source });
      setDone(r);
      onRestored();
    } catch (e) {
      setError(errorCodeOf(e));
      setBusy(false);
    }
  };
  const b = recovery.backup;
  return (
    <main className="screen recovery" data-testid="ledger-recovery" data-problem={recovery.problem}>
      <div className="recovery__head">
        <h1>{t('recovery.title')}</h1>
        <LanguageToggle onToggle={onLanguage} busy={false} />
      </div>
      <p>{t('recovery.lead')}</p>
      <p className="recovery__problem" role="alert">
        {t(`recovery.problem.${recovery.problem}`)}
      </p>
      <details className="recovery__detail">
        <summary>{t('recovery.detail')}</summary>
        <code>{recovery.detail}</code>
        <code>{recovery.dataDir}</code>
      </details>
      <div className="recovery__choices">
        <section className="recovery__choice">
          <button type="button" className="btn btn--primary" data-testid="restore-headoffice" disabled={busy || !recovery.canRestoreFromHeadOffice} onClick={() => void restore('headoffice')}>
            {t('recovery.fromHeadOffice')}
          </button>
          <p className="muted">{recovery.canRestoreFromHeadOffice ? t('recovery.fromHeadOffice.hint') : t('recovery.fromHeadOffice.none')}</p>
        </section>
        <section className="recovery__choice">
          <button type="button" className="btn btn--primary" data-testid="restore-backup" disabled={busy || !b} onClick={() => void restore('backup')}>
            {t('recovery.fromBackup')}
          </button>
          <p className="muted recovery__file">{b ? t('recovery.fromBackup.hint', { n: b.payments, file: b.file }) : t('recovery.fromBackup.none')}</p>
        </section>
      </div>
      {busy && !done && <p className="muted">{t('recovery.restoring')}</p>}
      {done && <p data-testid="restore-done">{t('recovery.done', done)}</p>}
      <ErrorText code={error} testId="restore-error" />
    </main>
  );
}
