/**
 * The receipt of an order paid by tenders (cash, QR, split): items and totals as on the sale receipt,
 * then each tender (현금: 받은 금액, 거스름돈), then each 현금영수증 with the fields the 국세청 lists
 * (사업자등록번호, 상호, 대표자 성명, 사업장 주소 in the header; 거래일자, 공급가액, 부가세, 봉사료, 합계,
 * 승인번호, 용도, masked identity in its section). Same layout model as receipt-model.ts.
 */
import type { CashReceipt, Order, TaxType } from '../../contract-cash';
import type { StoreProfile } from '../../contract';
import { formatBusinessNumber } from '../business-number';
import { formatSeoulDateTime } from '../time';
import { splitVat } from '../vat';
import { formatAmount, formatWon, methodLabel, type ReceiptBlock, type ReceiptColumns, type ReceiptModel } from './receipt-model';

export interface OrderReceiptInput {
  kind: 'sale';
  variant: 'order';
  reprint: boolean;
  store: StoreProfile;
  taxType: TaxType;
  order: Order;
  footer: string;
  columns: ReceiptColumns;
  /** Kick the cash drawer with this receipt (a cash tender). */
  drawer: boolean;
  issuedAt?: string;
  cut?: 'full' | 'partial';
}

export function isOrderReceiptInput(x: { kind: string }): x is OrderReceiptInput {
  return x.kind === 'sale' && (x as { variant?: string }).variant === 'order';
}

function header(b: ReceiptBlock[], store: StoreProfile, taxType: TaxType): void {
  b.push({ type: 'pair', left: '상호', right: store.name });
  b.push({ type: 'pair', left: '사업자등록번호', right: formatBusinessNumber(store.businessNo) });
  b.push({ type: 'pair', left: '대표자', right: store.representative || '-' });
  b.push({ type: 'pair', left: '사업장 주소', right: [store.address1, store.address2].filter(Boolean).join(' ') });
  if (store.phone) b.push({ type: 'pair', left: '전화', right: store.phone });
  b.push({ type: 'pair', left: '과세유형', right: `${taxType}${taxType === '면세' ? '사업자' : '과세자'}` });
}

const PURPOSE_LABEL = { 소득공제: '소득공제용', 지출증빙: '지출증빙용' } as const;

export function cashReceiptBlocks(r: CashReceipt, at: string): ReceiptBlock[] {
  const b: ReceiptBlock[] = [];
  const cancelled = r.status === 'cancelled';
  b.push({ type: 'rule', char: '-' });
  b.push({ type: 'text', text: cancelled ? '[현금영수증 취소]' : '[현금(소득공제/지출증빙) 영수증]', align: 'center', bold: true });
  b.push({ type: 'pair', left: '현금영수증 승인번호', right: r.issueNumber ?? '확인 중' });
  b.push({ type: 'pair', left: '용도', right: PURPOSE_LABEL[r.purpose] + (r.selfIssued ? ' (자진발급)' : '') });
  b.push({ type: 'pair', left: '식별번호', right: r.identityMasked });
  b.push({ type: 'pair', left: '거래일자', right: formatSeoulDateTime(r.issuedAt ?? at).slice(0, 10) });
  b.push({ type: 'pair', left: '공급가액', right: formatWon(r.supply) });
  b.push({ type: 'pair', left: '부가세', right: formatWon(r.vat) });
  if (r.taxFree > 0) b.push({ type: 'pair', left: '면세', right: formatWon(r.taxFree) });
  b.push({ type: 'pair', left: '합계', right: formatWon(r.amount), bold: true });
  if (r.cancelledAmount > 0) b.push({ type: 'pair', left: '취소금액', right: formatWon(-r.cancelledAmount) });
  if (r.selfIssued) b.push({ type: 'text', text: '자진발급분은 홈택스에서 본인 명의로 등록할 수 있습니다.', align: 'left' });
  return b;
}

export function buildOrderReceipt(input: OrderReceiptInput): ReceiptModel {
  const { order: o, columns } = input;
  const b: ReceiptBlock[] = [];
  b.push({ type: 'text', text: o.status === 'voided' ? '주문 취소' : '영수증', align: 'center', bold: true, size: 2 });
  if (input.reprint) b.push({ type: 'text', text: '[재발행]', align: 'center', bold: true });
  b.push({ type: 'rule', char: '=' });
  header(b, input.store, input.taxType);
  b.push({ type: 'pair', left: '거래일시', right: formatSeoulDateTime(o.completedAt ?? o.createdAt) });
  b.push({ type: 'pair', left: '주문번호', right: o.orderNo });
  b.push({ type: 'rule', char: '-' });
  const wide = columns >= 42;
  b.push({
    type: 'table',
    columns: wide
      ? [
          { width: 'flex', align: 'left' },
          { width: 8, align: 'right' },
          { width: 4, align: 'right' },
          { width: 10, align: 'right' },
        ]
      : [
          { width: 'flex', align: 'left' },
          { width: 4, align: 'right' },
          { width: 9, align: 'right' },
        ],
    header: wide ? ['상품명', '단가', '수량', '금액'] : ['상품명', '수량', '금액'],
    rows: o.items.map((it) => {
      const name = it.taxFree ? `*${it.name}` : it.name;
      const line = formatAmount(it.unitPrice * it.quantity);
      return wide ? [name, formatAmount(it.unitPrice), String(it.quantity), line] : [name, String(it.quantity), line];
    }),
  });
  if (o.items.some((it) => it.taxFree)) b.push({ type: 'text', text: '* 표시는 면세 상품', align: 'left' });
  const v = splitVat(o.total, o.taxFree);
  b.push({ type: 'rule', char: '-' });
  b.push({ type: 'pair', left: '공급가액', right: formatWon(v.supply) });
  b.push({ type: 'pair', left: '부가세', right: formatWon(v.vat) });
  b.push({ type: 'pair', left: '면세', right: formatWon(v.taxFree) });
  b.push({ type: 'rule', char: '=' });
  b.push({ type: 'pair', left: '합계', right: formatWon(v.total), bold: true, size: 2 });
  b.push({ type: 'rule', char: '=' });
  for (const t of o.tenders) {
    if (t.kind === 'cash') {
      const state = t.status === 'returned' ? ' (반환)' : '';
      b.push({ type: 'pair', left: `현금${state}`, right: formatWon(t.amount), bold: true });
      b.push({ type: 'pair', left: '받은 금액', right: formatWon(t.received) });
      b.push({ type: 'pair', left: '거스름돈', right: formatWon(t.change) });
    } else {
      const state = t.status === 'approved' ? '' : t.status === 'failed' ? ' (거절)' : ' (확인 중)';
      b.push({ type: 'pair', left: `QR ${methodLabel(t.methodType)}${state}`, right: formatWon(t.amount), bold: true });
      if (t.paymentOrderId) b.push({ type: 'pair', left: 'QR 주문번호', right: t.paymentOrderId });
    }
    if (t.refunded > 0) b.push({ type: 'pair', left: '  환불', right: formatWon(-t.refunded) });
  }
  for (const r of o.cashReceipts) if (r.status !== 'failed') b.push(...cashReceiptBlocks(r, o.completedAt ?? o.createdAt));
  const footer = input.footer.trim();
  if (footer) {
    b.push({ type: 'rule', char: '-' });
    for (const para of footer.split(/\r?\n/)) b.push({ type: 'text', text: para, align: 'center' });
  }
  b.push({ type: 'cut', partial: (input.cut ?? 'partial') === 'partial' });
  return { columns, blocks: b };
}
