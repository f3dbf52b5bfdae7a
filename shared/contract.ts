/**
 * The one typed contract between the renderer and the core. Both shells (Electron IPC and the
 * loopback web shell) and `window.pos` are derived from `methods` and `events`; nothing else
 * crosses the boundary. Every input is parsed with its schema by the core's router.
 */
import { z } from 'zod';
import { DEFAULT_SCANNER_SETTINGS, FINAL_STATUSES, HISTORY_STATES, PAYMENT_STATUSES, SERIAL_BAUD_RATES } from './contract-values';
import { instrumentMethods } from './contract-instrument';
import { recoveryStatusSchema, secretsHealthSchema } from './contract-health';
import { cartItemSchema } from './domain/cart';
import { catalogMethods, scanBarcodeSchema } from './contract-catalog';
import { isValidBusinessNumber, normalizeBusinessNumber } from './domain/business-number';
import { ERROR_CODES, type ErrorCode, type PosErrorShape } from './domain/errors';
import { QR_MAX_INPUT } from './domain/qr-payload';
import { MAX_PAYMENT_KRW } from './domain/money';
import { storeCategoryCodeSchema } from './domain/store-category';
import { DEFAULT_PRINTER_SETTINGS, printerSettingsSchema } from './domain/receipt/printer-settings';
import { cashEvents, cashMethods, dayTendersSchema } from './contract-cash';
import { syncEvents, syncMethods } from './contract-sync';
import { recoveryMethods } from './contract-recovery';

export { DEFAULT_SCANNER_SETTINGS, FINAL_STATUSES, HISTORY_STATES, PAYMENT_STATUSES, SERIAL_BAUD_RATES };

const empty = z.object({}).strict();
const isoUtc = z.string().datetime({ offset: false });

export const storeRegistrationSchema = z
  .object({
    businessNo: z
      .string()
      .max(20)
      .refine((s) => normalizeBusinessNumber(s) !== null, { message: 'BUSINESS_NO_INVALID: 10 digits' })
      .refine(isValidBusinessNumber, { message: 'BUSINESS_NO_INVALID: check digit' })
      .transform((s) => normalizeBusinessNumber(s)!),
    name: z.string().trim().min(1).max(100),
    representative: z.string().trim().max(30).default(''),
    phone: z.string().trim().regex(/^[0-9][0-9-]{6,18}[0-9]$/, 'phone: digits and dashes'),
    address1: z.string().trim().min(1).max(200),
    address2: z.string().trim().min(1).max(200),
    postNo: z
      .string()
      .trim()
      .regex(/^(\d{5})?$/, 'postNo: 5 digits')
      .default(''),
    /** Re-registering without the merchant key: the one-time enrollment code shown at the first registration (issue 10). */
    enrollmentCode: z.string().trim().regex(/^[0-9A-Za-z-]{0,20}$/, 'enrollmentCode: letters, digits, dashes').default(''),
    /** The 업종 asked for (issue 11; shared/domain/store-category.ts): picked by name or typed; the server's answer is kept. */
    categoryCd: storeCategoryCodeSchema.optional(),
  })
  .strict();
export type StoreRegistration = z.infer<typeof storeRegistrationSchema>;

export const storeProfileSchema = z.object({
  businessNo: z.string(),
  name: z.string(),
  representative: z.string(),
  phone: z.string(),
  address1: z.string(),
  address2: z.string(),
  postNo: z.string(),
  cid: z.string(),
  categoryCd: z.number().int(),
  createdAt: z.string(),
  approvedAt: z.string(),
  registeredAt: isoUtc,
  /** Only in the answer of a registration that issued one: shown once, never stored by the terminal. */
  enrollmentCode: z.string().optional(),
});
export type StoreProfile = z.infer<typeof storeProfileSchema>;

export const DIALECTS = ['oneqpay', 'kakaopay'] as const;
export type Dialect = (typeof DIALECTS)[number];
/** Which API the backend speaks: OneQ Pay (seed 003) or Kakao Pay (seed 004). Old settings without it are OneQ Pay. */
const dialectSchema = z.enum(DIALECTS).default('oneqpay');
/** Kakao Pay API generation: 'legacy' kapi.kakao.com /v1/payment (form, KakaoAK) or 'open' open-api.kakaopay.com /online/v1/payment (JSON, SECRET_KEY). Absent = legacy. */
export const KAKAO_APIS = ['legacy', 'open'] as const;
const kakaoApiSchema = z.enum(KAKAO_APIS).optional();
export const backendSettingsSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('embedded'), dialect: dialectSchema, kakaoApi: kakaoApiSchema }).strict(),
  z
    .object({
      mode: z.literal('remote'),
      url: z
        .string()
        .url()
        .max(255)
        .refine((u) => /^https?:\/\//.test(u), 'http(s) only'),
      dialect: dialectSchema,
      kakaoApi: kakaoApiSchema,
    })
    .strict(),
]);
export const settingsSchema = z
  .object({
    language: z.enum(['ko', 'en']),
    backend: backendSettingsSchema,
    /** Network timeout for payment calls. */
    paymentTimeoutMs: z.number().int().min(1000).max(120_000),
    /** Receipt printer: profile, transport, paper width, auto-print, footer. */
    printer: printerSettingsSchema,
    /** Merchant-presented QR: how long the customer has to approve on the phone (then PAYMENT_EXPIRED). */
    mpmTimeoutMs: z.number().int().min(1000).max(900_000),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { language: 'ko', backend: { mode: 'embedded', dialect: 'oneqpay' }, paymentTimeoutMs: 15_000, printer: DEFAULT_PRINTER_SETTINGS, mpmTimeoutMs: 180_000 };

export const paymentStatusSchema = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

const errorShapeSchema = z.object({ code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]), detail: z.string().optional() });

export const REFUND_STATUSES = ['created', 'cancel_requested', 'cancelled', 'failed', 'unknown'] as const;
export const refundStatusSchema = z.enum(REFUND_STATUSES);
export type RefundStatus = z.infer<typeof refundStatusSchema>;
/** One cancel (full or partial) of an approved payment; its own state machine, like the payment's. */
export const refundSchema = z.object({
  id: z.number().int(),
  paymentId: z.number().int(),
  /** Idempotency key sent with every attempt of this cancel (fixed at creation). */
  requestId: z.string(),
  status: refundStatusSchema,
  amount: z.number().int(),
  taxFree: z.number().int(),
  /** VAT of this cancel as the backend computed it (0 until cancelled). */
  vat: z.number().int(),
  /** The backend's id of the cancel action. */
  aid: z.string().nullable(),
  cancelledAt: isoUtc.nullable(),
  error: z.object({ code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]), detail: z.string().optional() }).nullable(),
  createdAt: isoUtc,
  updatedAt: isoUtc,
});
export type Refund = z.infer<typeof refundSchema>;

export const paymentSchema = z.object({
  id: z.number().int(),
  orderId: z.string(),
  cid: z.string(),
  status: paymentStatusSchema,
  amount: z.number().int(),
  taxFree: z.number().int(),
  vat: z.number().int(),
  supply: z.number().int(),
  itemName: z.string(),
  quantity: z.number().int(),
  items: z.array(cartItemSchema),
  qrMasked: z.string(),
  /** cpm: the cashier scanned the customer's QR; mpm: the customer scanned the terminal's QR and approved on the phone. */
  flow: z.enum(['cpm', 'mpm']),
  tid: z.string().nullable(),
  methodType: z.string().nullable(),
  approvedAt: isoUtc.nullable(),
  error: errorShapeSchema.nullable(),
  createdAt: isoUtc,
  updatedAt: isoUtc,
  /** Cancels of this payment, oldest first. */
  refunds: z.array(refundSchema),
  /** Sum of the cancels the backend confirmed. */
  refundedAmount: z.number().int(),
  /** What can still be cancelled (0 unless approved; a cancel in flight counts as taken). */
  refundableAmount: z.number().int(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const refundInputSchema = z
  .object({
    paymentId: z.number().int().positive(),
    /** KRW to give back: the whole rest or a part. */
    amount: z.number().int().positive().max(100_000_000),
    /** Tax-free part of it; by default the rest of the tax-free amount on a full cancel, else proportional. */
    taxFree: z.number().int().nonnegative().max(100_000_000).optional(),
  })
  .strict();
export type RefundInput = z.infer<typeof refundInputSchema>;

/** Which merchant secrets the core holds; the values never leave the main process. */
export const credentialsStatusSchema = z.object({ cidSecret: z.boolean(), adminKey: z.boolean(), protection: z.string(), health: secretsHealthSchema });
export type CredentialsStatus = z.infer<typeof credentialsStatusSchema>;
export const credentialsInputSchema = z
  .object({
    /** The merchant key (SECRET_KEY); null removes it. */
    cidSecret: z.string().trim().regex(/^[\x21-\x7e]{8,128}$/, 'cidSecret: 8–128 printable characters').nullable().optional(),
    /** Kakao Pay admin key (KakaoAK); null removes it. */
    adminKey: z.string().trim().regex(/^[\x21-\x7e]{8,128}$/, 'adminKey: 8–128 printable characters').nullable().optional(),
  })
  .strict();

export const checkoutInputSchema = z
  .object({
    items: z.array(cartItemSchema).min(1).max(100),
    qrText: z.string().max(QR_MAX_INPUT),
  })
  .strict();
export type CheckoutInput = z.infer<typeof checkoutInputSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  shell: z.enum(['electron', 'web']),
  backend: z.object({ mode: z.enum(['embedded', 'remote']), url: z.string(), reachable: z.boolean() }),
  dataDir: z.string(),
  // issue 10: health shown in the status bar and 진단
  secrets: secretsHealthSchema,
  recovery: recoveryStatusSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const demoQrSchema = z.object({ qrText: z.string(), expiresAt: isoUtc, walletUrl: z.string() });

/** A calendar day in Seoul, "YYYY-MM-DD" (2026-02-30 is refused). */
export const seoulDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'day: YYYY-MM-DD')
  .refine((d) => {
    // never throws (a refine that throws would escape safeParse): 2026-13-01 is an Invalid Date
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, 'day: not a calendar day');
const dayInput = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict();

// ── Scanners (design.md §5: keyboard-wedge, serial, webcam) ─────────────────────────────────────
export const SCAN_SOURCES = ['serial', 'camera', 'wedge'] as const;
export type ScanSource = (typeof SCAN_SOURCES)[number];
export const serialScannerSettingsSchema = z
  .object({
    /** Open the port and keep it open (reopened by itself after an unplug). */
    enabled: z.boolean(),
    /** Device path (/dev/ttyACM0, COM3, or a symlink); '' = none chosen. */
    path: z.string().trim().max(255),
    baudRate: z
      .number()
      .int()
      .refine((b) => (SERIAL_BAUD_RATES as readonly number[]).includes(b), 'baudRate: a standard rate'),
    dataBits: z.union([z.literal(7), z.literal(8)]),
    parity: z.enum(['none', 'even', 'odd']),
    stopBits: z.union([z.literal(1), z.literal(2)]),
    /** 'crlf': a frame ends at CR or LF; 'timeout': a frame ends after idleTimeoutMs without bytes. */
    framing: z.enum(['crlf', 'timeout']),
    idleTimeoutMs: z.number().int().min(10).max(2000),
  })
  .strict();
export const cameraSettingsSchema = z
  .object({
    /** Scan with the webcam while the checkout screen is open. */
    enabled: z.boolean(),
    /** MediaDeviceInfo.deviceId of the chosen camera; '' = the default one. */
    deviceId: z.string().max(512),
    /** Show the preview mirrored (decoding always uses the real image). */
    mirror: z.boolean(),
  })
  .strict();
export const wedgeSettingsSchema = z
  .object({
    /** Longest gap between two keys of one scanner burst. */
    maxGapMs: z.number().int().min(5).max(200),
    /** Shortest text that counts as a scan. */
    minLength: z.number().int().min(2).max(64),
  })
  .strict();
export const scannerSettingsSchema = z.object({ serial: serialScannerSettingsSchema, camera: cameraSettingsSchema, wedge: wedgeSettingsSchema }).strict();
export type ScannerSettings = z.infer<typeof scannerSettingsSchema>;
export const scannerSettingsPatchSchema = z
  .object({ serial: serialScannerSettingsSchema.partial().strict(), camera: cameraSettingsSchema.partial().strict(), wedge: wedgeSettingsSchema.partial().strict() })
  .partial()
  .strict();
export const serialPortInfoSchema = z.object({
  path: z.string(),
  manufacturer: z.string().nullable(),
  serialNumber: z.string().nullable(),
  vendorId: z.string().nullable(),
  productId: z.string().nullable(),
});
export const serialPortListSchema = z.object({
  ports: z.array(serialPortInfoSchema),
  /** Set when the system listing failed (e.g. udevadm missing) and the list came from a /dev scan instead. */
  listError: z.string().nullable(),
});
export type SerialPortList = z.infer<typeof serialPortListSchema>;
export const SERIAL_STATES = ['off', 'opening', 'open', 'waiting', 'error'] as const;
export const scannerStatusSchema = z.object({
  serial: z.object({
    /** off: disabled or no port chosen; open: reading; waiting: unplugged or not there yet, retrying by itself; error: settings the port refuses. */
    state: z.enum(SERIAL_STATES),
    path: z.string(),
    detail: z.string().nullable(),
    since: isoUtc,
  }),
});
export type ScannerStatus = z.infer<typeof scannerStatusSchema>;
/** One scan from any source, already checked by the QR payload parser (error = why it is not a payment QR). */
export const scanReceivedSchema = z.object({
  source: z.enum(SCAN_SOURCES),
  /** The normalized payload text when error is null; '' otherwise (hostile input is never echoed). */
  text: z.string().max(QR_MAX_INPUT),
  error: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]).nullable(),
  at: isoUtc,
  /** issue 12: not a payment QR but a product code (EAN/UPC with a valid check digit, or Code 128) to look up. */
  barcode: scanBarcodeSchema.nullable().optional(),
});
export type ScanReceived = z.infer<typeof scanReceivedSchema>;

// ── Receipts and the printer (design.md §5) ─────────────────────────────────────────────────────
export const PRINTER_STATES = ['ok', 'offline', 'cover_open', 'paper_out', 'timeout'] as const;
export const printerStatusSchema = z.object({ state: z.enum(PRINTER_STATES), paperNearEnd: z.boolean(), detail: z.string().optional() });
export type PrinterStatus = z.infer<typeof printerStatusSchema>;
export const printJobSchema = z.object({
  id: z.number().int(),
  printer: z.string(),
  paymentId: z.number().int().nullable(),
  /** The refund a cancel receipt is for. */
  refundId: z.number().int().nullable(),
  /** The Seoul day of a settlement report (kind 'settlement'); null otherwise. */
  settlementDay: z.string().nullable(),
  /** 'settlement': a day's settlement report (일마감), with settlementDay set and no payment. */
  kind: z.enum(['sale', 'cancel', 'settlement', 'drawer_close']),
  copy: z.enum(['original', 'reprint']),
  status: z.enum(['queued', 'sending', 'printed', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  lastErrorDetail: z.string().nullable(),
  autoRetryable: z.boolean(),
  /** The last attempt's bytes reached the printer: retried only when the cashier confirms. */
  reachedPrinter: z.boolean(),
  /** Failed, yet the receipt may have come out (no answer, link lost, still held): check the paper; a retry prints 재발행. */
  mayHavePrinted: z.boolean(),
  createdAt: isoUtc,
  updatedAt: isoUtc,
  printedAt: isoUtc.nullable(),
});
export type PrintJobView = z.infer<typeof printJobSchema>;
/** What prints, as text exactly `columns` display cells wide (Hangul = 2 cells). */
export const receiptPreviewSchema = z.object({
  columns: z.number().int(),
  text: z.array(z.string()),
  substitutions: z.array(z.object({ from: z.string(), to: z.string() })),
  /** issue 11: the QR / barcode lines of `text` (their index) and what they encode, so the screen draws the real code. */
  codes: z.array(z.object({ line: z.number().int(), symbology: z.enum(['qr', 'code128']), data: z.string() })).default([]),
});
export type ReceiptPreviewView = z.infer<typeof receiptPreviewSchema>;
/** A payment's receipt; with refundId, the cancel receipt of that refund. */
const paymentRef = z.object({ paymentId: z.number().int().positive(), refundId: z.number().int().positive().optional() }).strict();

// ── Settings, diagnostics and sales analytics (issue 7) ─────────────────────────────────────────
/** A backend to try without saving it; without one, the saved backend. */
export const backendTestInputSchema = z.object({ backend: backendSettingsSchema.optional() }).strict();
export const backendTestResultSchema = z.object({
  /** The backend answered its health check in time with what it should. */
  ok: z.boolean(),
  /** Round trip of the health check (ms); null when it failed. */
  latencyMs: z.number().int().nonnegative().nullable(),
  /** Why it failed (BACKEND_UNREACHABLE, BACKEND_BAD_RESPONSE, BACKEND_UNKNOWN for a timeout …). */
  code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]).nullable(),
  detail: z.string().nullable(),
  mode: z.enum(['embedded', 'remote']),
  dialect: z.enum(DIALECTS),
  /** What was called ('' when the embedded simulator could not start). */
  url: z.string(),
  testedAt: isoUtc,
});
export type BackendTestResult = z.infer<typeof backendTestResultSchema>;

export const ANALYTICS_MAX_DAYS = 366;
/** A period of Seoul days, both ends included. */
export const analyticsInputSchema = z
  .object({ from: seoulDaySchema, to: seoulDaySchema })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'from after to', path: ['to'] })
  .refine((p) => (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 < ANALYTICS_MAX_DAYS, { message: `at most ${ANALYTICS_MAX_DAYS} days`, path: ['to'] });
export type AnalyticsInput = z.infer<typeof analyticsInputSchema>;
/**
 * Approved sales of a bucket: count, gross KRW, what their confirmed cancels gave back, and net = gross - refunded.
 * A sale counts at its approval time (Seoul) and its cancels are taken off the same bucket, whenever they happened.
 */
const salesBucket = z.object({ count: z.number().int(), gross: z.number().int(), refunded: z.number().int(), net: z.number().int() });
export const analyticsSchema = z.object({
  from: z.string(),
  to: z.string(),
  totals: salesBucket.extend({ refundCount: z.number().int() }),
  /** 24 entries, Seoul hour 0–23. */
  byHour: z.array(salesBucket.extend({ hour: z.number().int().min(0).max(23) })),
  /** 7 entries, Seoul weekday 0 = Sunday … 6 = Saturday. */
  byWeekday: z.array(salesBucket.extend({ weekday: z.number().int().min(0).max(6) })),
  /** The backend's payment method type (계좌, MONEY, CARD …; null when unknown), net descending. */
  byMethod: z.array(salesBucket.extend({ method: z.string().nullable() })),
  /** The store's category code recorded with each payment (null for payments from before it was recorded), net descending. */
  byCategory: z.array(salesBucket.extend({ categoryCd: z.number().int().nullable() })),
});
export type Analytics = z.infer<typeof analyticsSchema>;
export type SalesBucket = z.infer<typeof salesBucket>;

const settingsDiagnosticsMethods = {
  /** Pings a backend (the given one, unsaved, or the saved one) with the same gateway the payments use. */
  testBackend: { input: backendTestInputSchema, output: backendTestResultSchema },
  /** Sales by Seoul hour, weekday, payment method and category code over a period, net of refunds. */
  getAnalytics: { input: analyticsInputSchema, output: analyticsSchema },
} as const;

// ── Customer display and merchant-presented QR (issue 7) ────────────────────────────────────────
/**
 * What the customer-facing screen shows. The cashier's checkout sets the cart phases
 * (setDisplayState); the core sets the payment phases from the sale under way and re-broadcasts
 * every change as `display.state`.
 *   idle → cart → awaiting_scan (CPM: the customer shows their QR) | mpm_qr (the customer scans ours)
 *   → processing → approved → thanks → idle, or declined (message = why), back to the cart on retry.
 */
export const DISPLAY_PHASES = ['idle', 'cart', 'awaiting_scan', 'processing', 'mpm_qr', 'approved', 'declined', 'thanks'] as const;
export type DisplayPhase = (typeof DISPLAY_PHASES)[number];
/** The phases the cashier's screen may set; the others follow the payment. */
export const CASHIER_DISPLAY_PHASES = ['idle', 'cart', 'awaiting_scan'] as const;
const krwInt = z.number().int().nonnegative();
export const displayStateSchema = z.object({
  /** Increases with every change (a page that loads mid-stream keeps the newer of fetch and event). */
  seq: z.number().int().nonnegative(),
  phase: z.enum(DISPLAY_PHASES),
  /** 상호, for the welcome line ('' before registration). */
  storeName: z.string().max(100),
  items: z.array(cartItemSchema).max(100),
  totals: z.object({ total: krwInt, taxFree: krwInt, vat: krwInt, supply: krwInt, quantity: z.number().int().nonnegative() }),
  /** What the customer pays: the cart total, or the amount of the payment under way. */
  amount: krwInt,
  /** declined: why (shown in plain words to the customer). */
  message: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]).nullable(),
  /** mpm_qr: the URL the customer's phone opens (shown as a QR). */
  qrText: z.string().max(2048).nullable(),
  /** mpm_qr: when the request lapses. */
  expiresAt: isoUtc.nullable(),
  paymentId: z.number().int().nullable(),
  at: isoUtc,
});
export type DisplayState = z.infer<typeof displayStateSchema>;
export const displayInputSchema = z.object({ phase: z.enum(CASHIER_DISPLAY_PHASES), items: z.array(cartItemSchema).max(100) }).strict();
export const mpmSessionSchema = z.object({
  payment: paymentSchema,
  /** The phone page's URL (what the customer display's QR encodes). */
  qrText: z.string().max(2048),
  expiresAt: isoUtc,
});
export type MpmSession = z.infer<typeof mpmSessionSchema>;
const customerSideMethods = {
  getDisplayState: { input: empty, output: displayStateSchema },
  /** The cashier's cart as the customer should see it (ignored while a payment is under way). */
  setDisplayState: { input: displayInputSchema, output: displayStateSchema },
  /** Merchant-presented QR: ready without a customer QR; the customer approves on the phone; the core completes it. */
  startMpmPayment: { input: z.object({ items: z.array(cartItemSchema).min(1).max(100) }).strict(), output: mpmSessionSchema },
  /** Stops waiting for the phone: failed PAYMENT_CANCELLED, or the final state if the approval already went out. */
  cancelMpmPayment: { input: z.object({ paymentId: z.number().int().positive() }).strict(), output: paymentSchema },
} as const;
const customerSideEvents = {
  /** The customer display's state changed. */
  'display.state': displayStateSchema,
} as const;
/** What the customer display window may call and receive (Electron's IPC allows it nothing else). */
export const DISPLAY_WINDOW_METHODS: readonly string[] = ['getDisplayState'] satisfies (keyof typeof customerSideMethods)[];
export const DISPLAY_WINDOW_EVENTS: readonly string[] = ['display.state'] satisfies (keyof typeof customerSideEvents)[];
// ── end of issue 7 block ────────────────────────────────────────────────────────────────────────


// ── Ledger: transaction history, payment detail, daily settlement (일마감), CSV export ─────────────
/**
 * How a payment shows in the history, one value per row: its status, folded with its cancels.
 * approved = approved and nothing cancelled; refunded_partial / refunded_full = approved with confirmed
 * cancels; unknown = the payment's outcome, or one of its cancels', is being checked; in_progress = a
 * payment or cancel under way; failed = not charged. (shared/domain/ledger/history-state.ts)
 */
export const historyStateSchema = z.enum(HISTORY_STATES);
export type HistoryState = z.infer<typeof historyStateSchema>;

const krwFilter = z.number().int().min(0).max(MAX_PAYMENT_KRW);
const historyFilterShape = {
  /** First and last Seoul day (inclusive) of the payments' creation time. */
  from: seoulDaySchema.optional(),
  to: seoulDaySchema.optional(),
  states: z.array(historyStateSchema).max(HISTORY_STATES.length).optional(),
  /** Method types as the backend reports them ('계좌', 'MONEY', 'CARD'). */
  methods: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
  minAmount: krwFilter.optional(),
  maxAmount: krwFilter.optional(),
  /** tid (승인번호) or order id, whole or its beginning. */
  query: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9-]*$/, 'query: letters, digits and -')
    .optional(),
};
type FilterLike = { from?: string | undefined; to?: string | undefined; minAmount?: number | undefined; maxAmount?: number | undefined };
const checkRanges = (f: FilterLike, ctx: z.RefinementCtx) => {
  if (f.from && f.to && f.from > f.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to: before from' });
  if (f.minAmount !== undefined && f.maxAmount !== undefined && f.minAmount > f.maxAmount) ctx.addIssue({ code: 'custom', path: ['maxAmount'], message: 'maxAmount: below minAmount' });
};
export const historyFilterSchema = z.object(historyFilterShape).strict().superRefine(checkRanges);
export type HistoryFilter = z.infer<typeof historyFilterSchema>;
export const HISTORY_PAGE_SIZE = 50;
export const searchPaymentsInputSchema = z
  .object({
    ...historyFilterShape,
    /** nextCursor of the previous page (keyset: created_at and id of its last row). */
    cursor: z
      .string()
      .max(64)
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z~\d{1,15}$/, 'cursor: from nextCursor')
      .optional(),
    limit: z.number().int().min(1).max(200).default(HISTORY_PAGE_SIZE),
  })
  .strict()
  .superRefine(checkRanges);
export type SearchPaymentsInput = z.input<typeof searchPaymentsInputSchema>;

/** One row of the history list (the detail view loads the whole payment). */
export const historyRowSchema = z.object({
  id: z.number().int(),
  orderId: z.string(),
  createdAt: isoUtc,
  approvedAt: isoUtc.nullable(),
  status: paymentStatusSchema,
  state: historyStateSchema,
  amount: z.number().int(),
  refundedAmount: z.number().int(),
  itemName: z.string(),
  methodType: z.string().nullable(),
  tid: z.string().nullable(),
  errorCode: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]).nullable(),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;
export const historyPageSchema = z.object({
  rows: z.array(historyRowSchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
/** countPayments stops counting here: a count never walks more than this many matches. */
export const HISTORY_TOTAL_CAP = 10_000;
export const historyCountSchema = z.object({ total: z.number().int(), capped: z.boolean() });
export type HistoryPage = z.infer<typeof historyPageSchema>;

export const paymentEventSchema = z.object({ status: z.string(), at: isoUtc, detail: z.string().nullable() });
export const paymentDetailSchema = z.object({
  payment: paymentSchema,
  /** The state history (payment_events), oldest first, with the cancels' refund.* entries. */
  events: z.array(paymentEventSchema),
  /** Receipts of this payment (sale and cancel), newest first. */
  printJobs: z.array(printJobSchema),
});
export type PaymentDetail = z.infer<typeof paymentDetailSchema>;

const figuresSchema = z.object({ count: z.number().int(), amount: z.number().int(), vat: z.number().int(), taxFree: z.number().int(), supply: z.number().int() });
export type SettlementFigures = z.infer<typeof figuresSchema>;
export const settlementMethodSchema = z.object({
  methodType: z.string().nullable(),
  salesCount: z.number().int(),
  salesAmount: z.number().int(),
  cancelCount: z.number().int(),
  cancelAmount: z.number().int(),
  net: z.number().int(),
});
const paymentRefSchema = z.object({ id: z.number().int(), orderId: z.string(), status: z.string() });
/**
 * A Seoul day's figures. A sale counts on the day it was approved, a cancel on the day it was confirmed
 * (so a later cancel of an earlier sale shows on the day it happened). Cancels carry their own VAT and
 * tax-free parts; net = sales - cancels, and net.amount = net.supply + net.vat + net.taxFree.
 */
export const settlementReportSchema = z.object({
  day: seoulDaySchema,
  /** UTC bounds [from, to) of the day. */
  from: isoUtc,
  to: isoUtc,
  generatedAt: isoUtc,
  sales: figuresSchema,
  cancels: figuresSchema.extend({ fullCount: z.number().int() }),
  net: figuresSchema.omit({ count: true }),
  byMethod: z.array(settlementMethodSchema),
  /** First and last sale or cancel of the day. */
  firstAt: isoUtc.nullable(),
  lastAt: isoUtc.nullable(),
  /** The day's payments (by creation time) in each state. */
  payments: z.object({ approved: z.number().int(), failed: z.number().int(), unknown: z.number().int(), inProgress: z.number().int() }),
  /** To look at before closing: payments and cancels not final, receipts that did not print (first 20 of each listed). */
  warnings: z.object({
    unfinishedPayments: z.object({ count: z.number().int(), items: z.array(paymentRefSchema) }),
    openRefunds: z.object({ count: z.number().int(), items: z.array(paymentRefSchema.extend({ refundId: z.number().int() })) }),
    unprintedReceipts: z.object({
      count: z.number().int(),
      items: z.array(z.object({ paymentId: z.number().int(), refundId: z.number().int().nullable(), kind: z.enum(['sale', 'cancel']), jobStatus: z.string() })),
    }),
  }),
  /** Events not yet acknowledged by the head office when shown/printed (issue 14); absent when not enrolled. */
  headOfficeUnsent: z.number().int().nonnegative().optional(),
  /** Issue 13: the business day's drawer sessions summed (cash, QR by tender, drawer, 현금영수증); absent in reports frozen before. */
  tenders: dayTendersSchema.optional(),
});
export type SettlementReport = z.infer<typeof settlementReportSchema>;
export const settlementSchema = z.object({
  /** The frozen report of a closed day, else the live one. */
  report: settlementReportSchema,
  closedAt: isoUtc.nullable(),
  /** For a closed day: what changed since (live minus frozen), e.g. a payment settled later; null when open. */
  drift: z.object({ salesCount: z.number().int(), net: z.number().int() }).nullable(),
});
export type Settlement = z.infer<typeof settlementSchema>;
const dayRef = z.object({ day: seoulDaySchema }).strict();
export const closeDayInputSchema = z
  .object({
    day: seoulDaySchema,
    /** The cashier saw the warnings (unfinished payments, unprinted receipts) and closes anyway. */
    acknowledgeWarnings: z.boolean().default(false),
  })
  .strict();
export const CSV_MAX_DAYS = 366;
export const csvExportInputSchema = z
  .object({ from: seoulDaySchema, to: seoulDaySchema })
  .strict()
  .superRefine((r, ctx) => {
    if (r.from > r.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to: before from' });
    else if ((Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 + 1 > CSV_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `to: at most ${CSV_MAX_DAYS} days` });
  });
export const csvExportSchema = z.object({
  /** ASCII, e.g. "transactions-20261101-20261130.csv". */
  fileName: z.string(),
  /** UTF-8 text starting with a BOM (U+FEFF), CRLF line ends. */
  text: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type CsvExport = z.infer<typeof csvExportSchema>;

export const ledgerMethods = {
  /** The history: filters, newest first, keyset pages of `limit` rows. */
  searchPayments: { input: searchPaymentsInputSchema, output: historyPageSchema },
  /** How many payments match (up to HISTORY_TOTAL_CAP, then capped): asked apart, so a page never waits for a count. */
  countPayments: { input: historyFilterSchema, output: historyCountSchema },
  /** One payment with its state history and receipts. */
  getPaymentDetail: { input: z.object({ id: z.number().int().positive() }).strict(), output: paymentDetailSchema },
  /** Method types that occur in the ledger (for the filter). */
  listPaymentMethods: { input: empty, output: z.array(z.string()) },
  getSettlement: { input: dayRef, output: settlementSchema },
  /** Freezes the day's report (once); refused with DAY_CLOSE_WARNINGS unless the warnings are acknowledged. */
  closeDay: { input: closeDayInputSchema, output: settlementSchema },
  /** The settlement report as it prints (frozen when closed, else 중간 집계). */
  getSettlementPreview: { input: dayRef, output: receiptPreviewSchema },
  printSettlement: { input: dayRef, output: printJobSchema },
  /** Payments and cancels of a range of Seoul days as CSV (one row each). */
  exportCsv: { input: csvExportInputSchema, output: csvExportSchema },
} as const;

export const methods = {
  getAppInfo: { input: empty, output: appInfoSchema },
  getSettings: { input: empty, output: settingsSchema },
  updateSettings: { input: settingsSchema.partial().strict(), output: settingsSchema },
  getStore: { input: empty, output: storeProfileSchema.nullable() },
  registerStore: { input: storeRegistrationSchema, output: storeProfileSchema },
  checkout: { input: checkoutInputSchema, output: paymentSchema },
  getPayment: { input: z.object({ id: z.number().int().positive() }).strict(), output: paymentSchema },
  /** Looks an unknown payment up at the backend again. */
  recheckPayment: { input: z.object({ id: z.number().int().positive() }).strict(), output: paymentSchema },
  listPayments: { input: dayInput, output: z.array(paymentSchema) },
  issueDemoQr: { input: empty, output: demoQrSchema },
  /** Full or partial cancel of an approved payment; the cancel receipt prints itself when auto-print is on. */
  refundPayment: { input: refundInputSchema, output: paymentSchema },
  getCredentialsStatus: { input: empty, output: credentialsStatusSchema },
  setCredentials: { input: credentialsInputSchema, output: credentialsStatusSchema },
  getReceiptPreview: { input: paymentRef.extend({ copy: z.enum(['original', 'reprint']).optional() }).strict(), output: receiptPreviewSchema },
  /** Queues the sale receipt of a payment (once: a second call returns the same job). */
  printReceipt: { input: paymentRef, output: printJobSchema },
  /** A new copy marked 재발행. */
  reprintReceipt: { input: paymentRef, output: printJobSchema },
  listPrintJobs: { input: z.object({ paymentId: z.number().int().positive().optional(), settlementDay: seoulDaySchema.optional() }).strict(), output: z.array(printJobSchema) },
  /** `confirmed`: the cashier checked the paper (required once the job's bytes reached the printer). */
  retryPrintJob: { input: z.object({ id: z.number().int().positive(), confirmed: z.boolean().optional() }).strict(), output: printJobSchema },
  testPrint: { input: empty, output: z.object({ printed: z.boolean(), status: printerStatusSchema, elapsedMs: z.number(), bytes: z.number().int() }) },
  getPrinterStatus: { input: empty, output: printerStatusSchema },
  /** Serial ports to choose from (survives a failing system listing). */
  listSerialPorts: { input: empty, output: serialPortListSchema },
  getScannerSettings: { input: empty, output: scannerSettingsSchema },
  updateScannerSettings: { input: scannerSettingsPatchSchema, output: scannerSettingsSchema },
  getScannerStatus: { input: empty, output: scannerStatusSchema },
  ...settingsDiagnosticsMethods,

  ...customerSideMethods,

  ...ledgerMethods,
  ...catalogMethods,
  ...instrumentMethods,

  ...cashMethods,
  ...syncMethods,
  ...recoveryMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Methods[M]['output']>;

export const events = {
  'payment.updated': paymentSchema,
  /** A print job changed state (queued, sending, printed, failed). */
  'print.job': printJobSchema,
  /** The printer answered a status query (or did not). */
  'printer.status': z.object({ printer: z.string(), status: printerStatusSchema, at: isoUtc }),
  /** A scan from a device the core reads (serial); the renderer's wedge and camera make the same value. */
  'scan.received': scanReceivedSchema,
  /** The serial scanner's connection state, for the status bar. */
  'scanner.status': scannerStatusSchema,
  ...customerSideEvents,
  ...cashEvents,
  ...syncEvents,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
/** One pushed event; a union discriminated by `name`. */
export type PosEvent<E extends EventName = EventName> = E extends EventName ? { name: E; payload: EventPayload<E> } : never;

/** What a call returns across either shell: errors are values (IPC would drop an Error's fields). */
export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: PosErrorShape };

/** The API the renderer sees as `window.pos`. */
export type PosApi = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> } & {
  on<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void;
};

export const IPC_CHANNEL_PREFIX = 'pos:';
export const IPC_EVENT_CHANNEL = 'pos:event';
