/** 매장: onboarding when no store is registered, the issued cid right after, the profile otherwise. */
import { useState } from 'react';
import type { StoreProfile } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n';
import { RegisteredCard } from './RegisteredCard';
import { StoreForm } from './StoreForm';
import { StoreProfileView } from './StoreProfileView';
import { CatalogManager } from '../menu/CatalogManager';
import { CounterSettingsCard } from '../drawer/CounterSettingsCard';

interface StoreScreenProps {
  store: StoreProfile | null;
  onRegistered: (store: StoreProfile) => void;
  onStart: () => void;
}

export function StoreScreen({ store, onRegistered, onStart }: StoreScreenProps) {
  const { t } = useI18n();
  const [justIssued, setJustIssued] = useState<StoreProfile | null>(null);

  if (justIssued) {
    return (
      <main className="screen onboarding">
        <RegisteredCard store={justIssued} onStart={onStart} />
      </main>
    );
  }
  if (store) {
    return (
      <main className="screen">
        <StoreProfileView store={store} />
        <CatalogManager />
        <CounterSettingsCard />
      </main>
    );
  }
  return (
    <main className="screen onboarding">
      <h1 className="screen-title">{t('onboarding.title')}</h1>
      <p className="muted">{t('onboarding.intro')}</p>
      <StoreForm
        onRegistered={(s) => {
          setJustIssued(s);
          onRegistered(s);
        }}
      />
    </main>
  );
}
