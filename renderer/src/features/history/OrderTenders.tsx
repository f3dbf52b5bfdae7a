/**
 * 내역: a QR payment that is one tender of an order paid several ways (issue 13) shows the order's tenders,
 * each refundable on its own within what it has left (cash from the drawer, its 현금영수증 cancelled by as
 * much; QR through the cancel API), and the order's 현금영수증. Kept current by order.updated.
 */
import { useEffect, useState } from 'react';
import type { Order } from '../../../../shared/contract-cash';
import { pos } from '../../api/pos';
import { useI18n } from '../../i18n/i18n';
import { CashReceiptLine, TenderLine } from '../tender/TenderLine';
import '../tender/tender.css';

/** The order this payment is a tender of (null: a plain QR sale), reloaded when `rev` changes. */
export function useOrderOfPayment(paymentId: number, rev: number): [Order | null, (o: Order) => void] {
  const [order, setOrder] = useState<Order | null>(null);
  useEffect(() => {
    let alive = true;
    void pos.getOrderOfPayment({ paymentId }).then((o) => alive && setOrder(o), () => undefined);
    return () => {
      alive = false;
    };
  }, [paymentId, rev]);
  useEffect(() => pos.on('order.updated', (o) => setOrder((cur) => (cur && cur.id === o.id ? o : cur))), []);
  return [order, setOrder];
}

export function OrderTenders({ order, onChanged }: { order: Order; onChanged: (o: Order) => void }) {
  const { t, krw } = useI18n();
  return (
    <section className="detail-card" data-testid="order-tenders" data-order={order.orderNo} aria-labelledby="order-tenders-title">
      <h2 className="detail-card__title" id="order-tenders-title">
        {t('history.orderTenders', { order: order.orderNo, total: krw(order.total) })}
      </h2>
      <p className="muted">{t('history.orderTendersHint')}</p>
      <ul className="tender__list">
        {order.tenders.map((x) => (
          <TenderLine key={x.id} tender={x} finished={order.status === 'completed'} onChanged={onChanged} />
        ))}
      </ul>
      {order.cashReceipts.map((r) => (
        <CashReceiptLine key={r.id} receipt={r} />
      ))}
    </section>
  );
}
