/**
 * Issue 13: orders paid by tenders (QR, cash, split), 현금영수증, drawer sessions (개점/마감).
 * Spread into `methods` / `events` of shared/contract.ts. Self-contained (no import of contract.ts,
 * which imports this file).
 */
import { z } from 'zod';
import { cartItemSchema } from './domain/cart';
import { CASH_RECEIPT_PURPOSES } from './domain/cash/cash-receipt-identity';
import { DENOMINATIONS, DRAWER_EVENT_KINDS } from './domain/cash/drawer-cash';
import { CASH_RECEIPT_STATUSES, DRAWER_STATUSES, ORDER_STATUSES, TENDER_STATUSES } from './domain/cash/state-machine';
import { ERROR_CODES, type ErrorCode } from './domain/errors';
import { MAX_PAYMENT_KRW } from './domain/money';

const isoUtc = z.string().datetime({ offset: false });
const id = z.number().int().positive();
const krw = z.number().int().min(0).max(MAX_PAYMENT_KRW);
const krwPositive = z.number().int().min(1).max(MAX_PAYMENT_KRW);
const errorShape = z.object({ code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]), detail: z.string().optional() });

export const TAX_TYPES = ['일반', '간이', '면세'] as const;
export type TaxType = (typeof TAX_TYPES)[number];
/** What the counter needs beyond the store registration: 과세 유형 and the 현금영수증 의무발행업종 flag. */
export const counterSettingsSchema = z.object({
  taxType: z.enum(TAX_TYPES),
  /** 현금영수증 의무발행업종: a cash sale ≥ 100,000원 without a number is issued to 010-000-1234 (자진발급). */
  cashReceiptMandatory: z.boolean(),
});
export type CounterSettings = z.infer<typeof counterSettingsSchema>;

export const cashReceiptSchema = z.object({
  id: z.number().int(),
  orderId: z.number().int(),
  tenderId: z.number().int(),
  /** The order id sent to the API (idempotency key: one receipt per cash tender). */
  requestId: z.string(),
  status: z.enum(CASH_RECEIPT_STATUSES),
  purpose: z.enum(CASH_RECEIPT_PURPOSES),
  /** 010-****-5678, 123-45-*****: never the whole number. */
  identityMasked: z.string(),
  selfIssued: z.boolean(),
  amount: z.number().int(),
  taxFree: z.number().int(),
  supply: z.number().int(),
  vat: z.number().int(),
  /** 현금영수증 승인번호 (the API's issueNumber). */
  issueNumber: z.string().nullable(),
  receiptKey: z.string().nullable(),
  issuedAt: isoUtc.nullable(),
  cancelledAmount: z.number().int(),
  /** A cancel under way (amount), committed before its call. */
  pendingCancel: z.number().int(),
  error: errorShape.nullable(),
  createdAt: isoUtc,
  updatedAt: isoUtc,
});
export type CashReceipt = z.infer<typeof cashReceiptSchema>;

export const tenderSchema = z.object({
  id: z.number().int(),
  orderId: z.number().int(),
  kind: z.enum(['cash', 'qr']),
  status: z.enum(TENDER_STATUSES),
  /** What this tender pays of the order. */
  amount: z.number().int(),
  /** cash: what the customer handed over; qr: = amount. */
  received: z.number().int(),
  /** cash: 거스름돈 = received − amount. */
  change: z.number().int(),
  /** qr: the payment (payments ledger) and its order id. */
  paymentId: z.number().int().nullable(),
  paymentOrderId: z.string().nullable(),
  methodType: z.string().nullable(),
  /** Confirmed refunds of this tender. */
  refunded: z.number().int(),
  /** What can still be refunded (a refund in flight counts as taken). */
  refundable: z.number().int(),
  error: errorShape.nullable(),
  createdAt: isoUtc,
});
export type Tender = z.infer<typeof tenderSchema>;

export const orderSchema = z.object({
  id: z.number().int(),
  orderNo: z.string(),
  status: z.enum(ORDER_STATUSES),
  sessionId: z.number().int(),
  items: z.array(cartItemSchema),
  itemName: z.string(),
  total: z.number().int(),
  taxFree: z.number().int(),
  vat: z.number().int(),
  supply: z.number().int(),
  tenders: z.array(tenderSchema),
  /** Covered by taken/approved tenders and by QR tenders still in flight. */
  covered: z.number().int(),
  /** total − covered. */
  due: z.number().int(),
  cashReceipts: z.array(cashReceiptSchema),
  createdAt: isoUtc,
  completedAt: isoUtc.nullable(),
});
export type Order = z.infer<typeof orderSchema>;

const countsSchema = z
  .object(Object.fromEntries(DENOMINATIONS.map((d) => [String(d), z.number().int().min(0).max(100_000).optional()])) as Record<`${(typeof DENOMINATIONS)[number]}`, z.ZodOptional<z.ZodNumber>>)
  .strict();
export const drawerEventSchema = z.object({ id: z.number().int(), kind: z.enum(DRAWER_EVENT_KINDS), amount: z.number().int(), reason: z.string().nullable(), orderId: z.number().int().nullable(), at: isoUtc });
export type DrawerEvent = z.infer<typeof drawerEventSchema>;
const qrMethodLine = z.object({ methodType: z.string().nullable(), count: z.number().int(), amount: z.number().int() });
/** A session's report: what the close report prints. */
export const drawerReportSchema = z.object({
  float: z.number().int(),
  cashSales: z.number().int(),
  cashRefunds: z.number().int(),
  paidIn: z.number().int(),
  paidOut: z.number().int(),
  expected: z.number().int(),
  orders: z.object({ completed: z.number().int(), voided: z.number().int(), open: z.number().int(), total: z.number().int() }),
  byTender: z.object({ cash: z.object({ count: z.number().int(), amount: z.number().int() }), qr: z.object({ count: z.number().int(), amount: z.number().int() }) }),
  qrByMethod: z.array(qrMethodLine),
  refunds: z.object({ cash: z.number().int(), qr: z.number().int(), count: z.number().int() }),
  cashReceipts: z.object({ count: z.number().int(), amount: z.number().int(), cancelledAmount: z.number().int() }),
  /** Things that keep the session from closing. */
  unsettled: z.object({ openOrders: z.array(z.string()), unknownPayments: z.array(z.string()), openCashReceipts: z.array(z.string()) }),
});
export type DrawerReport = z.infer<typeof drawerReportSchema>;
export const drawerSessionSchema = z.object({
  id: z.number().int(),
  status: z.enum(DRAWER_STATUSES),
  /** Seoul business day of the opening. */
  businessDay: z.string(),
  openedAt: isoUtc,
  closedAt: isoUtc.nullable(),
  floatCounts: countsSchema.nullable(),
  closeCounts: countsSchema.nullable(),
  counted: z.number().int().nullable(),
  overShort: z.number().int().nullable(),
  note: z.string().nullable(),
  events: z.array(drawerEventSchema),
  report: drawerReportSchema,
});
export type DrawerSession = z.infer<typeof drawerSessionSchema>;
export const drawerStateSchema = z.object({ current: drawerSessionSchema.nullable(), lastClosed: drawerSessionSchema.nullable() });
export type DrawerState = z.infer<typeof drawerStateSchema>;

const tally = z.object({ count: z.number().int(), amount: z.number().int() });
/** 일마감 by tender: the business day's drawer sessions summed (shared/domain/cash/day-sessions.ts). */
export const dayTendersSchema = z.object({
  sessions: z.object({ count: z.number().int(), open: z.number().int(), closed: z.number().int() }),
  orders: z.object({ completed: z.number().int(), total: z.number().int() }),
  byTender: z.object({ cash: tally, qr: tally }),
  qrByMethod: z.array(qrMethodLine),
  refunds: z.object({ cash: z.number().int(), qr: z.number().int(), count: z.number().int() }),
  cash: z.object({ float: z.number().int(), sales: z.number().int(), refunds: z.number().int(), paidIn: z.number().int(), paidOut: z.number().int(), expected: z.number().int(), counted: z.number().int(), overShort: z.number().int() }),
  cashReceipts: z.object({ count: z.number().int(), amount: z.number().int(), cancelledAmount: z.number().int() }),
  net: z.number().int(),
});

const identityInput = z.object({ purpose: z.enum(CASH_RECEIPT_PURPOSES), identity: z.string().trim().min(1).max(30) }).strict();
export type CashReceiptRequest = z.infer<typeof identityInput>;
export const printedSchema = z.object({ jobId: z.number().int(), status: z.string(), text: z.array(z.string()) });

export const cashMethods = {
  getCounterSettings: { input: z.object({}).strict(), output: counterSettingsSchema },
  updateCounterSettings: { input: counterSettingsSchema.partial().strict(), output: counterSettingsSchema },
  /** Records an order (open) in the current drawer session; refused without one (DRAWER_NOT_OPEN). */
  createOrder: { input: z.object({ items: z.array(cartItemSchema).min(1).max(100) }).strict(), output: orderSchema },
  getOrder: { input: z.object({ id }).strict(), output: orderSchema },
  /** The open order of this terminal, if any (a split sale survives a reload). */
  getOpenOrder: { input: z.object({}).strict(), output: orderSchema.nullable() },
  /**
   * A cash tender: `amount` of the order paid in cash (default: all that is due), `received` what the
   * customer handed over (≥ amount; the change is the rest). Kicks the drawer. With `cashReceipt` (or a
   * 자진발급 in a 의무발행업종), the 현금영수증 is issued when the order completes.
   */
  addCashTender: { input: z.object({ orderId: id, amount: krwPositive.optional(), received: krwPositive, cashReceipt: identityInput.optional() }).strict(), output: orderSchema },
  /** A QR tender of `amount` (default: all that is due) through the payment state machine. */
  addQrTender: { input: z.object({ orderId: id, amount: krwPositive.optional(), qrText: z.string().max(4096) }).strict(), output: orderSchema },
  /** Voids an open order: its cash is given back (recorded); refused while a QR part is approved or unknown. */
  voidOrder: { input: z.object({ orderId: id }).strict(), output: orderSchema },
  /** Refunds part of one tender: cash from the drawer (its 현금영수증 cancelled by as much), QR through the cancel API. */
  refundTender: { input: z.object({ tenderId: id, amount: krwPositive }).strict(), output: orderSchema },
  /** Issues a 현금영수증 for a completed order's cash (once per cash tender). */
  requestCashReceipt: { input: identityInput.extend({ orderId: id }).strict(), output: orderSchema },
  /** Looks an unknown 현금영수증 up again (다시 확인). */
  recheckCashReceipt: { input: z.object({ id }).strict(), output: cashReceiptSchema },
  listSessionOrders: { input: z.object({ sessionId: id }).strict(), output: z.array(orderSchema) },
  getDrawer: { input: z.object({}).strict(), output: drawerStateSchema },
  /** 개점: the float as a total or by denomination. */
  openDrawer: { input: z.object({ float: krw.optional(), counts: countsSchema.optional() }).strict(), output: drawerSessionSchema },
  /** 입금 / 출금 with a reason. */
  drawerMovement: { input: z.object({ kind: z.enum(['paid_in', 'paid_out']), amount: krwPositive, reason: z.string().trim().min(1).max(100) }).strict(), output: drawerSessionSchema },
  /** 마감: count by denomination; over/short with a note. Refused with an open order or anything unsettled. */
  closeDrawer: { input: z.object({ counts: countsSchema, note: z.string().trim().max(200).default('') }).strict(), output: drawerSessionSchema },
  getDrawerSession: { input: z.object({ id }).strict(), output: drawerSessionSchema },
  /** Sessions opened on a Seoul business day (일마감 sums them). */
  listDrawerSessions: { input: z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(), output: z.array(drawerSessionSchema) },
  /** The session's close report (prints itself on close; this prints a copy). */
  printDrawerReport: { input: z.object({ id }).strict(), output: printedSchema },
  getDrawerReportPreview: { input: z.object({ id }).strict(), output: printedSchema.pick({ text: true }) },
  /** The order a QR payment is a tender of (내역 refunds a split order per tender); null for a plain QR sale. */
  getOrderOfPayment: { input: z.object({ paymentId: id }).strict(), output: orderSchema.nullable() },
  /** An order's receipt (cash: 받은 금액 / 거스름돈; 현금영수증 lines). */
  printOrderReceipt: { input: z.object({ orderId: id }).strict(), output: printedSchema },
} as const;

export const cashEvents = {
  'order.updated': orderSchema,
  'drawer.updated': drawerStateSchema,
} as const;
