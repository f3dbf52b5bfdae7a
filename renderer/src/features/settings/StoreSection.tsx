/**
 * 매장 정보 in 설정: the registered store, and 다시 등록 with the onboarding form filled in. The payment
 * server issues the cid: registering again with the same server keeps it, with another server (after the
 * backend changed) gives a new one — said before and shown after, old and new side by side.
 */
import { useState } from 'react';
import type { StoreProfile } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n';
import { storeFormOf } from '../onboarding/store-form-model';
import { StoreForm } from '../onboarding/StoreForm';
import { StoreProfileView } from '../onboarding/StoreProfileView';
import { SettingsSection } from './controls';
import './settings.css';

interface StoreSectionProps {
  store: StoreProfile | null;
  onRegistered: (store: StoreProfile) => void;
  /** The saved payment server, in words ("내장 시뮬레이터", a URL). */
  server: string;
  /** The payment server was changed and the store not registered there yet (cleared by onRegistered). */
  serverChanged: boolean;
}

export function StoreSection({ store, onRegistered, server, serverChanged }: StoreSectionProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<{ before: string | null; after: string } | null>(null);
  const open = editing || serverChanged;

  return (
    <SettingsSection title={t('settings.store')} testId="settings-store">
      {store ? <StoreProfileView store={store} bare /> : <p className="muted">{t('settings.store.none')}</p>}
      {serverChanged && (
        <p className="settings-notice" data-testid="settings-store-server-changed" role="status">
          {t('settings.store.serverChanged', { server })}
        </p>
      )}
      {done && !open && (
        <p className="settings__result settings__result--ok" data-testid="settings-store-registered" data-new-cid={done.before !== done.after} role="status">
          <strong>
            {done.before && done.before !== done.after ? t('settings.store.newCid', { cid: done.after, before: done.before }) : t('settings.store.sameCid', { cid: done.after })}
          </strong>
        </p>
      )}
      {open ? (
        <div className="settings-store__form">
          <p className="settings-notice settings-notice--warn">{t('settings.store.reRegisterHint', { server })}</p>
          <StoreForm
            initial={store ? storeFormOf(store) : undefined}
            submitLabel={t('settings.store.submit')}
            onRegistered={(s) => {
              setDone({ before: store?.cid ?? null, after: s.cid });
              setEditing(false);
              onRegistered(s);
            }}
          />
          {store && (
            <button type="button" className="btn btn--small" data-testid="settings-store-cancel" onClick={() => setEditing(false)} hidden={!editing}>
              {t('settings.store.cancel')}
            </button>
          )}
        </div>
      ) : (
        <div className="settings__actions">
          <button
            type="button"
            className="btn btn--secondary"
            data-testid="settings-store-reregister"
            onClick={() => {
              setDone(null);
              setEditing(true);
            }}
          >
            {store ? t('settings.store.reRegister') : t('settings.store.register')}
          </button>
        </div>
      )}
    </SettingsSection>
  );
}
