/**
 * 일마감 by tender on the printed 정산서 (issue 13): cash and QR, QR by method, refunds per tender, the
 * drawer (float, paid-in/out, expected, counted, over/short) and 현금영수증, summed over the day's sessions.
 */
import type { DayTenders } from '../cash/day-sessions';
import { formatAmount, formatWon, methodLabel, type ReceiptBlock } from './receipt-model';

const minus = (n: number) => formatWon(n === 0 ? 0 : -n);
const signed = (n: number) => (n > 0 ? `+${formatWon(n)}` : formatWon(n));

export function dayTendersBlocks(t: DayTenders): ReceiptBlock[] {
  const b: ReceiptBlock[] = [];
  b.push({ type: 'rule', char: '-' });
  b.push({ type: 'text', text: `[시재 세션 ${t.sessions.count}개 · 마감 ${t.sessions.closed}]`, align: 'left', bold: true });
  if (t.sessions.open > 0) b.push({ type: 'pair', left: '마감 전 세션', right: `${t.sessions.open}개`, bold: true });
  b.push({ type: 'pair', left: `현금 ${formatAmount(t.byTender.cash.count)}건`, right: formatWon(t.byTender.cash.amount) });
  b.push({ type: 'pair', left: '  현금 환불', right: minus(t.refunds.cash) });
  b.push({ type: 'pair', left: `QR ${formatAmount(t.byTender.qr.count)}건`, right: formatWon(t.byTender.qr.amount) });
  for (const m of t.qrByMethod) b.push({ type: 'pair', left: `  ${methodLabel(m.methodType)} ${formatAmount(m.count)}건`, right: formatWon(m.amount) });
  b.push({ type: 'pair', left: '  QR 환불', right: minus(t.refunds.qr) });
  b.push({ type: 'pair', left: '현금+QR 순매출', right: formatWon(t.net), bold: true });
  b.push({ type: 'rule', char: '-' });
  b.push({ type: 'text', text: '[현금 시재]', align: 'left', bold: true });
  b.push({ type: 'pair', left: '개점 시재', right: formatWon(t.cash.float) });
  b.push({ type: 'pair', left: '현금 매출', right: formatWon(t.cash.sales) });
  b.push({ type: 'pair', left: '현금 환불', right: minus(t.cash.refunds) });
  b.push({ type: 'pair', left: '입금', right: formatWon(t.cash.paidIn) });
  b.push({ type: 'pair', left: '출금', right: minus(t.cash.paidOut) });
  b.push({ type: 'pair', left: '예상 현금', right: formatWon(t.cash.expected) });
  b.push({ type: 'pair', left: '실제 현금', right: formatWon(t.cash.counted) });
  b.push({ type: 'pair', left: t.cash.overShort < 0 ? '과부족 (부족)' : t.cash.overShort > 0 ? '과부족 (초과)' : '과부족', right: signed(t.cash.overShort), bold: true });
  b.push({ type: 'rule', char: '-' });
  b.push({ type: 'text', text: '[현금영수증]', align: 'left', bold: true });
  b.push({ type: 'pair', left: `발급 ${formatAmount(t.cashReceipts.count)}건`, right: formatWon(t.cashReceipts.amount) });
  b.push({ type: 'pair', left: '취소', right: minus(t.cashReceipts.cancelledAmount) });
  return b;
}
