/**
 * The daily settlement report (일마감 정산서) as receipt blocks: the same layout model, ESC/POS encoder,
 * print queue and text preview as the sale receipt (receipt-model.ts). Closed: the frozen report;
 * not closed: marked 중간 집계 (an interim count, figures may still change).
 */
import type { SettlementReport, StoreProfile } from '../../contract';
import { formatBusinessNumber } from '../business-number';
import { formatSeoulDateTime } from '../time';
import { dayTendersBlocks } from './day-tenders-blocks';
import { formatAmount, formatWon, methodLabel, type ReceiptBlock, type ReceiptColumns, type ReceiptModel } from './receipt-model';

export interface SettlementReceiptInput {
  kind: 'settlement';
  reprint: boolean;
  store: StoreProfile;
  report: SettlementReport;
  /** UTC ISO of the close; null: not closed yet (중간 집계). */
  closedAt: string | null;
  columns: ReceiptColumns;
  /** UTC ISO of this printing. */
  issuedAt?: string;
  cut?: 'full' | 'partial';
}

const count = (n: number) => `${formatAmount(n)}건`;
/** A cancelled amount as it prints: negative, and 0 without a sign. */
const minusWon = (n: number) => formatWon(n === 0 ? 0 : -n);

export function buildSettlementReceipt(input: SettlementReceiptInput): ReceiptModel {
  const { store, report: r, columns } = input;
  const b: ReceiptBlock[] = [];
  b.push({ type: 'text', text: input.closedAt ? '일마감 정산서' : '중간 정산서', align: 'center', bold: true, size: 2 });
  if (!input.closedAt) b.push({ type: 'text', text: '[마감 전 · 중간 집계]', align: 'center', bold: true });
  if (input.reprint) b.push({ type: 'text', text: '[재발행]', align: 'center', bold: true });
  b.push({ type: 'rule', char: '=' });
  b.push({ type: 'pair', left: '가맹점명', right: store.name });
  b.push({ type: 'pair', left: '사업자등록번호', right: formatBusinessNumber(store.businessNo) });
  b.push({ type: 'pair', left: '가맹점번호(CID)', right: store.cid });
  b.push({ type: 'pair', left: '영업일', right: r.day });
  b.push({ type: 'pair', left: input.closedAt ? '마감일시' : '집계일시', right: formatSeoulDateTime(input.closedAt ?? r.generatedAt) });
  if (input.issuedAt) b.push({ type: 'pair', left: '출력일시', right: formatSeoulDateTime(input.issuedAt) });

  b.push({ type: 'rule', char: '-' });
  b.push({ type: 'text', text: '[결제수단별]', align: 'left', bold: true });
  if (r.byMethod.length === 0) b.push({ type: 'text', text: '거래 없음', align: 'left' });
  for (const m of r.byMethod) {
    b.push({ type: 'text', text: methodLabel(m.methodType), align: 'left', bold: true });
    b.push({ type: 'pair', left: `  승인 ${count(m.salesCount)}`, right: formatWon(m.salesAmount) });
    b.push({ type: 'pair', left: `  취소 ${count(m.cancelCount)}`, right: minusWon(m.cancelAmount) });
    b.push({ type: 'pair', left: '  소계', right: formatWon(m.net) });
  }

  b.push({ type: 'rule', char: '-' });
  b.push({ type: 'pair', left: `승인 ${count(r.sales.count)}`, right: formatWon(r.sales.amount) });
  b.push({ type: 'pair', left: `취소 ${count(r.cancels.count)}`, right: minusWon(r.cancels.amount) });
  if (r.cancels.count > 0) b.push({ type: 'pair', left: '  (전액취소 / 부분취소)', right: `${count(r.cancels.fullCount)} / ${count(r.cancels.count - r.cancels.fullCount)}` });
  b.push({ type: 'rule', char: '=' });
  b.push({ type: 'pair', left: '순매출', right: formatWon(r.net.amount), bold: true, size: 2 });
  b.push({ type: 'rule', char: '=' });
  b.push({ type: 'pair', left: '공급가액', right: formatWon(r.net.supply) });
  b.push({ type: 'pair', left: '부가세', right: formatWon(r.net.vat) });
  b.push({ type: 'pair', left: '면세', right: formatWon(r.net.taxFree) });
  if (r.tenders) b.push(...dayTendersBlocks(r.tenders));

  b.push({ type: 'rule', char: '-' });
  b.push({ type: 'pair', left: '결제 실패', right: count(r.payments.failed) });
  b.push({ type: 'pair', left: '확인 중 / 진행 중', right: `${count(r.payments.unknown)} / ${count(r.payments.inProgress)}` });
  b.push({ type: 'pair', left: '첫 거래', right: r.firstAt ? formatSeoulDateTime(r.firstAt) : '-' });
  b.push({ type: 'pair', left: '마지막 거래', right: r.lastAt ? formatSeoulDateTime(r.lastAt) : '-' });

  const w = r.warnings;
  if (w.unfinishedPayments.count + w.openRefunds.count + w.unprintedReceipts.count > 0) {
    b.push({ type: 'rule', char: '-' });
    b.push({ type: 'text', text: '[확인 필요]', align: 'left', bold: true });
    if (w.unfinishedPayments.count) b.push({ type: 'pair', left: '미확정 결제', right: count(w.unfinishedPayments.count) });
    if (w.openRefunds.count) b.push({ type: 'pair', left: '미확정 취소', right: count(w.openRefunds.count) });
    if (w.unprintedReceipts.count) b.push({ type: 'pair', left: '미인쇄 영수증', right: count(w.unprintedReceipts.count) });
  }
  if (r.headOfficeUnsent) {
    b.push({ type: 'rule', char: '-' });
    b.push({ type: 'pair', left: '본사 미전송', right: count(r.headOfficeUnsent), bold: true });
  }
  b.push({ type: 'cut', partial: (input.cut ?? 'partial') === 'partial' });
  return { columns, blocks: b };
}
