/**
 * The card/account facts of a payment as the backend reported them (issue 10): 카드사, 카드번호
 * (masked), 할부, 카드 승인번호, 계좌번호 (masked). Rows of the detail's fact list; nothing when
 * the backend told nothing (OneQ Pay reports only the method).
 */
import { useEffect, useState } from 'react';
import type { PaymentInstrument } from '../../../../shared/contract-instrument';
import { maskAccountNumber, maskCardNumber } from '../../../../shared/domain/receipt/masking';
import { pos } from '../../api/pos';
import { useI18n } from '../../i18n/i18n';

export function DetailInstrument({ id, approved }: { id: number; approved: boolean }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<{ id: number; i: PaymentInstrument | null } | null>(null);
  useEffect(() => {
    let live = true;
    if (approved) void pos.getPaymentInstrument({ id }).then((i) => live && setLoaded({ id, i }), () => undefined);
    return () => {
      live = false;
    };
  }, [id, approved]);
  const i = loaded?.id === id ? loaded.i : null; // never another payment's details while the next load runs
  if (!i) return null;
  const months = i.installMonth;
  const installment = months === null ? null : months <= 1 ? t('instrument.lumpSum') : t('instrument.months', { n: months });
  return (
    <>
      {i.cardIssuer && (
        <>
          <dt>{t('instrument.cardIssuer')}</dt>
          <dd data-testid="detail-card-issuer">{[i.cardIssuer, i.cardType].filter(Boolean).join(' · ')}</dd>
        </>
      )}
      {i.cardMasked && (
        <>
          <dt>{t('instrument.cardNumber')}</dt>
          <dd className="mono" data-testid="detail-card-number">
            {maskCardNumber(i.cardMasked)}
          </dd>
        </>
      )}
      {installment && (
        <>
          <dt>{t('instrument.installment')}</dt>
          <dd data-testid="detail-installment">{installment}</dd>
        </>
      )}
      {i.cardApprovalNo && (
        <>
          <dt>{t('instrument.approvalNo')}</dt>
          <dd className="mono" data-testid="detail-card-approval">
            {i.cardApprovalNo}
          </dd>
        </>
      )}
      {i.accountMasked && (
        <>
          <dt>{t('instrument.account')}</dt>
          <dd className="mono" data-testid="detail-account">
            {maskAccountNumber(i.accountMasked)}
          </dd>
        </>
      )}
    </>
  );
}
