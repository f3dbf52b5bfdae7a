/**
 * 본사 동기화 in the status bar (issue 14): connected / n건 대기 / 오프라인 since … / refused / not
 * enrolled, pushed by the core as sync.status (the pusher works in the background; sales never wait).
 */
import { StatusText } from '../../components/StatusText';
import { useEffect, useState } from 'react';
import type { SyncStatus as Status } from '../../../../shared/contract-sync';
import { pos } from '../../api/pos';
import { useI18n } from '../../i18n/i18n';

const seoulHm = (iso: string) => new Date(iso).toLocaleTimeString('ko-KR', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hour12: false });

export function SyncStatus() {
  const { t } = useI18n();
  const [st, setSt] = useState<Status | null>(null);
  useEffect(() => {
    let live = true;
    void pos.getSyncStatus({}).then((s) => live && setSt(s), () => undefined);
    const off = pos.on('sync.status', (s) => setSt(s));
    return () => {
      live = false;
      off();
    };
  }, []);
  if (!st) return null;
  const dot = st.state === 'connected' ? 'up' : st.state === 'off' ? 'unknown' : st.state === 'pending' ? 'unknown' : 'down';
  let text: string;
  if (st.state === 'off') text = t('sync.off');
  else if (st.state === 'offline') text = t('sync.offline', { since: st.offlineSince ? seoulHm(st.offlineSince) : '' }) + (st.pending > 0 ? ` · ${t('sync.pending', { n: st.pending })}` : '');
  else if (st.state === 'refused') text = t('sync.refused');
  else if (st.pending > 0) text = t('sync.pending', { n: st.pending });
  else text = t('sync.connected');
  return (
    <span className="statusbar__item" data-testid="sync-status" data-state={st.state} data-pending={st.pending} title={st.lastError ?? st.headOffice?.url ?? ''}>
      <span className={`dot dot--${dot}`} aria-hidden="true" />
      <StatusText full={t('sync.label')} short={t('status.short.sync')} />: {text}
      {st.ledgerBehind ? ` · ${t('sync.ledgerBehind')}` : ''}
    </span>
  );
}
