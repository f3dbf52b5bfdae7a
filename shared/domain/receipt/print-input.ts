/** Everything the print queue prints: sale and cancel receipts, order receipts, the settlement and drawer close reports. */
import { buildDrawerReport, type DrawerReportInput } from './drawer-report-receipt';
import { buildOrderReceipt, isOrderReceiptInput, type OrderReceiptInput } from './order-receipt';
import { buildReceipt, type ReceiptInput, type ReceiptKind, type ReceiptModel } from './receipt-model';
import { buildSettlementReceipt, type SettlementReceiptInput } from './settlement-receipt';

export type PrintKind = ReceiptKind | 'settlement' | 'drawer_close';
export type PrintInput = ReceiptInput | SettlementReceiptInput | OrderReceiptInput | DrawerReportInput;

export function buildPrintModel(input: PrintInput): ReceiptModel {
  if (input.kind === 'settlement') return buildSettlementReceipt(input);
  if (input.kind === 'drawer_close') return buildDrawerReport(input);
  if (isOrderReceiptInput(input)) return buildOrderReceipt(input);
  return buildReceipt(input as ReceiptInput);
}

/** An order receipt with a cash tender opens the drawer (ESC p). */
export function kicksDrawer(input: PrintInput): boolean {
  return isOrderReceiptInput(input) && input.drawer;
}
