/**
 * The one 저장 for the whole 설정 screen: mounted while any section holds edits, it names them and saves
 * them all (Ctrl+S too). Each section then says 저장됨 or, next to the field, what is wrong.
 */
import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useSaveAll } from './unsaved';

const SECTION_TITLE: Record<string, MessageKey> = {
  backend: 'settings.backend',
  credentials: 'settings.credentials',
  printer: 'settings.printer',
  scanner: 'settings.scanner',
  camera: 'settings.camera',
};

export function SaveBar({ sections }: { sections: readonly string[] }) {
  const { t } = useI18n();
  const saveAll = useSaveAll();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const save = () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    void saveAll().then((ok) => {
      setBusy(false);
      setFailed(!ok);
    });
  };
  useEffect(() => {
    const h = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  });
  const names = sections.map((s) => (SECTION_TITLE[s] ? t(SECTION_TITLE[s]) : s)).join(', ');
  return (
    <div className="settings-savebar" role="region" aria-label={t('settings.save')} data-testid="settings-savebar">
      <p className="settings-savebar__text" role="status" data-testid="settings-unsaved">
        {t('settings.unsaved.bar', { sections: names })}
        {failed && <span className="settings-savebar__failed"> {t('settings.unsaved.failed')}</span>}
      </p>
      <button type="button" className="btn btn--primary btn--big" data-testid="settings-save" disabled={busy} onClick={save}>
        {busy ? t('settings.saving') : t('settings.saveAll')}
      </button>
    </div>
  );
}
