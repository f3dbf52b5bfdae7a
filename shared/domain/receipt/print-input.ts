/** Everything the print queue prints: sale and cancel receipts, and the settlement report. */
import { buildReceipt, type ReceiptInput, type ReceiptKind, type ReceiptModel } from './receipt-model';
import { buildSettlementReceipt, type SettlementReceiptInput } from './settlement-receipt';

export type PrintKind = ReceiptKind | 'settlement';
export type PrintInput = ReceiptInput | SettlementReceiptInput;

export function buildPrintModel(input: PrintInput): ReceiptModel {
  return input.kind === 'settlement' ? buildSettlementReceipt(input) : buildReceipt(input);
}
