/** 정산: the business day's drawer sessions summed (일마감 = the sum of that day's sessions, issue 13). */
import { useEffect, useState } from 'react';
import type { DrawerSession } from '../../../../shared/contract-cash';
import { pos } from '../../api/pos';
import { useI18n } from '../../i18n/i18n';

export function DrawerDaySummary({ day }: { day: string }) {
  const { t, krw } = useI18n();
  const [sessions, setSessions] = useState<{ day: string; list: DrawerSession[] } | null>(null);
  useEffect(() => {
    let alive = true;
    void pos.listDrawerSessions({ day }).then((list) => alive && setSessions({ day, list }), () => undefined);
    return () => {
      alive = false;
    };
  }, [day]);
  const list = sessions?.day === day ? sessions.list : [];
  if (list.length === 0) return null;
  const cash = list.reduce((n, s) => n + s.report.byTender.cash.amount, 0);
  const qr = list.reduce((n, s) => n + s.report.byTender.qr.amount, 0);
  const overShort = list.reduce((n, s) => n + (s.overShort ?? 0), 0);
  return (
    <p className="drawer-day" data-testid="drawer-day-summary" data-cash={cash} data-qr={qr} data-over-short={overShort}>
      {t('drawer.day', { day, count: list.length, cash: krw(cash), qr: krw(qr) })} · {t('drawer.overShort')} {krw(overShort)}
    </p>
  );
}
