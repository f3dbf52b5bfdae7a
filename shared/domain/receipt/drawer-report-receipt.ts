/**
 * The drawer session's close report (마감 정산서): by tender, QR by method, cash count and over/short,
 * 현금영수증 count and amount, refunds. Same layout model as the sale receipt.
 */
import type { DrawerSession } from '../../contract-cash';
import type { StoreProfile } from '../../contract';
import { formatBusinessNumber } from '../business-number';
import { DENOMINATIONS } from '../cash/drawer-cash';
import { formatSeoulDateTime } from '../time';
import { formatAmount, formatWon, methodLabel, type ReceiptBlock, type ReceiptColumns, type ReceiptModel } from './receipt-model';

export interface DrawerReportInput {
  kind: 'drawer_close';
  reprint: boolean;
  store: StoreProfile;
  session: DrawerSession;
  columns: ReceiptColumns;
  issuedAt?: string;
  cut?: 'full' | 'partial';
}

const signed = (n: number) => (n > 0 ? `+${formatWon(n)}` : formatWon(n));
/** An amount taken out, negative; 0 without a sign. */
const minus = (n: number) => formatWon(n === 0 ? 0 : -n);

export function buildDrawerReport(input: DrawerReportInput): ReceiptModel {
  const { session: s, store } = input;
  const r = s.report;
  const b: ReceiptBlock[] = [];
  b.push({ type: 'text', text: s.status === 'closed' ? '마감 정산서' : '중간 정산서', align: 'center', bold: true, size: 2 });
  if (input.reprint) b.push({ type: 'text', text: '[재발행]', align: 'center', bold: true });
  b.push({ type: 'rule', char: '=' });
  b.push({ type: 'pair', left: '상호', right: store.name });
  b.push({ type: 'pair', left: '사업자등록번호', right: formatBusinessNumber(store.businessNo) });
  b.push({ type: 'pair', left: '세션', right: `#${s.id} (${s.businessDay})` });
  b.push({ type: 'pair', left: '개점', right: formatSeoulDateTime(s.openedAt) });
  if (s.closedAt) b.push({ type: 'pair', left: '마감', right: formatSeoulDateTime(s.closedAt) });
  b.push({ type: 'rule', char: '-' });
  b.push({ type: 'text', text: '[결제수단별]', align: 'left', bold: true });
  b.push({ type: 'pair', left: `현금 ${formatAmount(r.byTender.cash.count)}건`, right: formatWon(r.byTender.cash.amount) });
  b.push({ type: 'pair', left: `QR ${formatAmount(r.byTender.qr.count)}건`, right: formatWon(r.byTender.qr.amount) });
  for (const m of r.qrByMethod) b.push({ type: 'pair', left: `  ${methodLabel(m.methodType)} ${m.count}건`, right: formatWon(m.amount) });
  b.push({ type: 'pair', left: `주문 ${r.orders.completed}건 (취소 ${r.orders.voided})`, right: formatWon(r.orders.total), bold: true });
  b.push({ type: 'rule', char: '-' });
  b.push({ type: 'text', text: '[환불]', align: 'left', bold: true });
  b.push({ type: 'pair', left: `환불 ${r.refunds.count}건 현금`, right: minus(r.refunds.cash) });
  b.push({ type: 'pair', left: '환불 QR', right: minus(r.refunds.qr) });
  b.push({ type: 'rule', char: '-' });
  b.push({ type: 'text', text: '[현금영수증]', align: 'left', bold: true });
  b.push({ type: 'pair', left: `발급 ${r.cashReceipts.count}건`, right: formatWon(r.cashReceipts.amount) });
  if (r.cashReceipts.cancelledAmount > 0) b.push({ type: 'pair', left: '취소', right: minus(r.cashReceipts.cancelledAmount) });
  b.push({ type: 'rule', char: '-' });
  b.push({ type: 'text', text: '[현금 시재]', align: 'left', bold: true });
  b.push({ type: 'pair', left: '개점 시재', right: formatWon(r.float) });
  b.push({ type: 'pair', left: '현금 매출', right: formatWon(r.cashSales) });
  b.push({ type: 'pair', left: '현금 환불', right: minus(r.cashRefunds) });
  b.push({ type: 'pair', left: '입금', right: formatWon(r.paidIn) });
  b.push({ type: 'pair', left: '출금', right: minus(r.paidOut) });
  b.push({ type: 'pair', left: '예상 현금', right: formatWon(r.expected), bold: true });
  if (s.closeCounts) {
    b.push({ type: 'rule', char: '-' });
    for (const d of DENOMINATIONS) {
      const n = s.closeCounts[`${d}`] ?? 0;
      if (n > 0) b.push({ type: 'pair', left: `${formatAmount(d)}원 × ${n}`, right: formatWon(d * n) });
    }
    b.push({ type: 'pair', left: '실제 현금', right: formatWon(s.counted ?? 0), bold: true });
    b.push({ type: 'pair', left: (s.overShort ?? 0) < 0 ? '과부족 (부족)' : (s.overShort ?? 0) > 0 ? '과부족 (초과)' : '과부족', right: signed(s.overShort ?? 0), bold: true });
    if (s.note) b.push({ type: 'pair', left: '메모', right: s.note });
  }
  if (input.issuedAt) b.push({ type: 'pair', left: '출력일시', right: formatSeoulDateTime(input.issuedAt) });
  b.push({ type: 'cut', partial: (input.cut ?? 'partial') === 'partial' });
  return { columns: input.columns, blocks: b };
}
