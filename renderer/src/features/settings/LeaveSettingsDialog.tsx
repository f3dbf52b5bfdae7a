/** Leaving 설정 with edits not saved: stay (Esc, the default) or leave without saving. */
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n/i18n';

export function LeaveSettingsDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('settings.unsaved.title')} testId="unsaved-dialog" onClose={onStay} className="unsaved-dialog">
      <p>{t('settings.unsaved.body')}</p>
      <div className="dialog__actions">
        <button type="button" className="btn btn--primary btn--big" data-testid="unsaved-stay" data-autofocus onClick={onStay}>
          {t('settings.unsaved.stay')}
        </button>
        <button type="button" className="btn btn--warn" data-testid="unsaved-leave" onClick={onLeave}>
          {t('settings.unsaved.leave')}
        </button>
      </div>
    </Dialog>
  );
}
