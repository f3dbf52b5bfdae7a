/**
 * The receipt layout model: what a sale or cancel receipt says, as a list of blocks (text, label/value
 * pairs, the item table, rules, a QR or CODE128 of the tid, the cut). Pure: no Node, no DOM.
 * `layoutReceipt` (receipt-layout.ts) turns it into lines of exact printer width; the ESC/POS encoder
 * and the text preview (receipt-text.ts) both consume those lines, so what you see is what prints.
 */
import type { StoreProfile } from '../../contract';
import { formatSeoulDateTime } from '../time';
import { splitVat } from '../vat';
import { itemLabel } from '../cart';
import { formatBusinessNumber } from '../business-number';
import { installmentLabel, maskAccountNumber, maskCardNumber } from './masking';
import { groupThousands } from '../money';

export const RECEIPT_COLUMNS = [32, 42, 48] as const;
export type ReceiptColumns = (typeof RECEIPT_COLUMNS)[number];
export type ReceiptKind = 'sale' | 'cancel';
export type Align = 'left' | 'center' | 'right';
/** 1: normal; 2: double width and height (half the columns). */
export type TextSize = 1 | 2;

export interface TableColumn {
  /** Columns, or 'flex' for the one column that takes the rest (wrapped). Numbers grow to fit their content. */
  width: number | 'flex';
  align: Align;
}

export type ReceiptBlock =
  | { type: 'text'; text: string; align: Align; bold?: boolean; size?: TextSize }
  | { type: 'pair'; left: string; right: string; bold?: boolean; size?: TextSize }
  | { type: 'table'; columns: readonly TableColumn[]; header?: readonly string[]; rows: readonly (readonly string[])[] }
  | { type: 'rule'; char: '-' | '=' }
  | { type: 'blank' }
  | { type: 'code'; symbology: 'qr' | 'code128'; data: string }
  | { type: 'cut'; partial: boolean };

export interface ReceiptModel {
  columns: ReceiptColumns;
  blocks: ReceiptBlock[];
}

export interface ReceiptItem {
  name: string;
  unitPrice: number;
  quantity: number;
  taxFree?: boolean;
  /** Chosen options (issue 12), printed after the name: "아메리카노 (ICE, 그란데)". */
  options?: readonly { name: string }[];
}

/** The fields of a payment a receipt needs; `Payment` from shared/contract fits, card fields are optional extras. */
export interface ReceiptPayment {
  orderId: string;
  cid: string;
  tid: string | null;
  amount: number;
  taxFree: number;
  items: readonly ReceiptItem[];
  /** '카드'/'CARD', '계좌', 'MONEY', ... as the gateway reports it. */
  methodType: string | null;
  approvedAt: string | null;
  createdAt: string;
  approvalNo?: string | null;
  cardName?: string | null;
  /** Masked again here whatever comes in: never printed in full, never with an expiry. */
  cardNumber?: string | null;
  installMonths?: number | null;
  bankName?: string | null;
  accountNumber?: string | null;
}

export interface ReceiptCancel {
  /** The cancelled amount (KRW, positive). */
  amount: number;
  /** Tax-free part of the cancelled amount; defaults to the payment's for a full cancel, else 0. */
  taxFree?: number;
  /**
   * The VAT the ledger recorded for this cancel (what the gateway cancelled). Printed as is: the last
   * partial cancel carries the rounding rest (a 100원 sale cancelled as 50 + 50 is VAT 5 + 4), which
   * splitting the cancelled amount again would get wrong. Without it, the VAT is split from the amount.
   */
  vat?: number;
  originalTid: string;
  originalApprovalNo?: string | null;
  /** UTC ISO of the original approval. */
  originalApprovedAt: string;
  /** UTC ISO of the cancellation (거래일시 of a cancel receipt); defaults to the original's. */
  cancelledAt?: string | null;
  cancelTid?: string | null;
}

export interface ReceiptInput {
  kind: ReceiptKind;
  reprint: boolean;
  store: StoreProfile;
  payment: ReceiptPayment;
  cancel?: ReceiptCancel;
  footer: string;
  columns: ReceiptColumns;
  /** UTC ISO of this printing, shown on a reprint. */
  issuedAt?: string;
  /** The lookup code of the tid: QR (default) or CODE128. */
  code?: 'qr' | 'code128' | 'none';
  cut?: 'full' | 'partial';
}

export function formatAmount(n: number): string {
  return groupThousands(n);
}
export function formatWon(n: number): string {
  return `${formatAmount(n === 0 ? 0 : n)}원`; // never "-0원"
}

/** The VAT split of a receipt's total, taking a recorded VAT when there is one. */
function cancelVat(total: number, taxFree: number, recordedVat: number | undefined): { supply: number; vat: number; taxFree: number; total: number } {
  const split = splitVat(total, taxFree);
  if (recordedVat === undefined || recordedVat < 0 || recordedVat > split.taxable) return split;
  return { total, taxFree, vat: recordedVat, supply: split.taxable - recordedVat };
}

const METHOD_LABELS: Record<string, string> = { CARD: '카드', 카드: '카드', MONEY: '간편결제 머니', 계좌: '계좌이체', ACCOUNT: '계좌이체', CASH: '현금' };
export function methodLabel(methodType: string | null): string {
  if (!methodType) return '간편결제';
  return METHOD_LABELS[methodType.toUpperCase()] ?? METHOD_LABELS[methodType] ?? methodType;
}
function isCard(p: ReceiptPayment): boolean {
  return methodLabel(p.methodType) === '카드' || !!p.cardNumber;
}

function itemTable(items: readonly ReceiptItem[], columns: ReceiptColumns, sign: 1 | -1): ReceiptBlock {
  const wide = columns >= 42;
  const name = (it: ReceiptItem) => (it.taxFree ? `*${itemLabel(it)}` : itemLabel(it));
  const rows = items.map((it) =>
    wide
      ? [name(it), formatAmount(it.unitPrice), String(it.quantity), formatAmount(sign * it.unitPrice * it.quantity)]
      : [name(it), String(it.quantity), formatAmount(sign * it.unitPrice * it.quantity)],
  );
  return wide
    ? {
        type: 'table',
        columns: [
          { width: 'flex', align: 'left' },
          { width: 8, align: 'right' },
          { width: 4, align: 'right' },
          { width: 10, align: 'right' },
        ],
        header: ['상품명', '단가', '수량', '금액'],
        rows,
      }
    : {
        type: 'table',
        columns: [
          { width: 'flex', align: 'left' },
          { width: 4, align: 'right' },
          { width: 9, align: 'right' },
        ],
        header: ['상품명', '수량', '금액'],
        rows,
      };
}

/** Builds the blocks of a sale or cancel receipt (design.md §5 "Receipts"). */
export function buildReceipt(input: ReceiptInput): ReceiptModel {
  const { store, payment: p, cancel, columns } = input;
  if (input.kind === 'cancel' && !cancel) throw new Error('a cancel receipt needs the cancel details');
  const b: ReceiptBlock[] = [];
  const sign = input.kind === 'cancel' ? -1 : 1;
  const full = input.kind === 'sale' || cancel!.amount === p.amount;

  if (input.kind === 'cancel') b.push({ type: 'text', text: '*** 취소 ***', align: 'center', bold: true, size: 2 });
  b.push({ type: 'text', text: '매출전표', align: 'center', bold: true, size: 2 });
  if (input.reprint) {
    b.push({ type: 'text', text: '[재발행]', align: 'center', bold: true });
    if (input.issuedAt) b.push({ type: 'pair', left: '재발행일시', right: formatSeoulDateTime(input.issuedAt) });
  }
  b.push({ type: 'rule', char: '=' });

  b.push({ type: 'pair', left: '가맹점명', right: store.name });
  b.push({ type: 'pair', left: '사업자등록번호', right: formatBusinessNumber(store.businessNo) });
  if (store.representative) b.push({ type: 'pair', left: '대표자', right: store.representative });
  const address = [store.address1, store.address2].filter(Boolean).join(' ');
  if (address) b.push({ type: 'pair', left: '주소', right: address });
  if (store.phone) b.push({ type: 'pair', left: '전화', right: store.phone });
  const at = input.kind === 'cancel' ? (cancel!.cancelledAt ?? cancel!.originalApprovedAt) : (p.approvedAt ?? p.createdAt);
  b.push({ type: 'pair', left: '거래일시', right: formatSeoulDateTime(at) });

  if (input.kind === 'cancel') {
    b.push({ type: 'rule', char: '-' });
    b.push({ type: 'pair', left: '원거래 승인번호', right: cancel!.originalApprovalNo ?? cancel!.originalTid });
    b.push({ type: 'pair', left: '원거래일시', right: formatSeoulDateTime(cancel!.originalApprovedAt) });
    b.push({ type: 'pair', left: '취소금액', right: formatWon(-cancel!.amount), bold: true });
  }

  if (full && p.items.length > 0) {
    b.push({ type: 'rule', char: '-' });
    b.push(itemTable(p.items, columns, sign));
    if (p.items.some((it) => it.taxFree)) b.push({ type: 'text', text: '* 표시는 면세 상품', align: 'left' });
  }

  const total = input.kind === 'cancel' ? cancel!.amount : p.amount;
  const taxFree = input.kind === 'cancel' ? (cancel!.taxFree ?? (full ? p.taxFree : 0)) : p.taxFree;
  const vat = cancelVat(total, taxFree, input.kind === 'cancel' ? cancel!.vat : undefined);
  b.push({ type: 'rule', char: '-' });
  b.push({ type: 'pair', left: '공급가액', right: formatWon(sign * vat.supply) });
  b.push({ type: 'pair', left: '부가세', right: formatWon(sign * vat.vat) });
  b.push({ type: 'pair', left: '면세', right: formatWon(sign * vat.taxFree) });
  b.push({ type: 'rule', char: '=' });
  b.push({ type: 'pair', left: '합계', right: formatWon(sign * vat.total), bold: true, size: 2 });
  b.push({ type: 'rule', char: '=' });

  const method = [methodLabel(p.methodType), p.cardName ?? p.bankName ?? ''].filter(Boolean).join(' ');
  b.push({ type: 'pair', left: '결제수단', right: method });
  if (p.cardNumber) b.push({ type: 'pair', left: '카드번호', right: maskCardNumber(p.cardNumber) });
  if (p.accountNumber) b.push({ type: 'pair', left: '계좌번호', right: maskAccountNumber(p.accountNumber) });
  if (isCard(p)) b.push({ type: 'pair', left: '할부', right: installmentLabel(p.installMonths) });
  if (p.approvalNo) b.push({ type: 'pair', left: '승인번호', right: p.approvalNo });
  const tid = input.kind === 'cancel' ? (cancel!.cancelTid ?? p.tid ?? cancel!.originalTid) : p.tid;
  if (tid) b.push({ type: 'pair', left: p.approvalNo ? 'TID' : '승인번호(TID)', right: tid });
  b.push({ type: 'pair', left: '가맹점번호(CID)', right: p.cid });
  b.push({ type: 'pair', left: '주문번호', right: p.orderId });

  const code = input.code ?? 'qr';
  const lookup = p.tid ?? cancel?.originalTid;
  if (code !== 'none' && lookup) {
    b.push({ type: 'blank' });
    b.push({ type: 'code', symbology: code, data: lookup });
    b.push({ type: 'text', text: '환불 조회용 코드', align: 'center' });
  }
  const footer = input.footer.trim();
  if (footer) {
    b.push({ type: 'rule', char: '-' });
    for (const para of footer.split(/\r?\n/)) b.push({ type: 'text', text: para, align: 'center' });
  }
  b.push({ type: 'cut', partial: (input.cut ?? 'partial') === 'partial' });
  return { columns, blocks: b };
}
