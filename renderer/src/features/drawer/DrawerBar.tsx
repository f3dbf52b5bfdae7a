/** One line on the checkout: the drawer session (or 개점 전) with 개점 / 입금·출금 / 마감. */
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { DrawerDialog, type DrawerMode } from './DrawerDialog';
import type { DrawerState } from '../../../../shared/contract-cash';
import '../history/ledger.css';
import '../tender/tender.css';

export function DrawerBar({ state, mode, onMode }: { state: DrawerState | null; mode: DrawerMode | null; onMode: (m: DrawerMode | null) => void }) {
  const { t, krw } = useI18n();
  const cur = state?.current ?? null;
  return (
    <div className={`drawer-bar ${cur ? '' : 'drawer-bar--closed'}`} data-testid="drawer-bar" data-state={cur ? 'open' : 'closed'}>
      <span className="drawer-bar__state" data-testid="drawer-state">
        {cur ? t('drawer.openState', { id: cur.id, cash: krw(cur.report.expected) }) : t('drawer.closedState')}
      </span>
      {cur ? (
        <>
          <button type="button" className="btn btn--secondary btn--small" data-testid="drawer-movement" onClick={() => onMode('movement')}>
            {t('drawer.movement')}
          </button>
          <button type="button" className="btn btn--secondary btn--small" data-testid="drawer-close" onClick={() => onMode('close')}>
            {t('drawer.close')}
          </button>
        </>
      ) : (
        <button type="button" className="btn btn--primary btn--small" data-testid="drawer-open" onClick={() => onMode('open')}>
          {t('drawer.open')}
        </button>
      )}
      {mode && <DrawerDialog mode={mode} state={state} onClose={() => onMode(null)} onMode={onMode} />}
    </div>
  );
}

export function useDrawerMode() {
  return useState<DrawerMode | null>(null);
}
