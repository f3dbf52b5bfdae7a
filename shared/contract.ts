/**
 * The one typed contract between the renderer and the core. Both shells (Electron IPC and the
 * loopback web shell) and `window.pos` are derived from `methods` and `events`; nothing else
 * crosses the boundary. Every input is parsed with its schema by the core's router.
 */
import { z } from 'zod';
import { cartItemSchema } from './domain/cart';
import { isValidBusinessNumber, normalizeBusinessNumber } from './domain/business-number';
import { ERROR_CODES, type ErrorCode, type PosErrorShape } from './domain/errors';
import { QR_MAX_INPUT } from './domain/qr-payload';

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
});
export type StoreProfile = z.infer<typeof storeProfileSchema>;

export const backendSettingsSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('embedded') }).strict(),
  z
    .object({
      mode: z.literal('remote'),
      url: z
        .string()
        .url()
        .max(255)
        .refine((u) => /^https?:\/\//.test(u), 'http(s) only'),
      dialect: z.literal('oneqpay'),
    })
    .strict(),
]);
export const settingsSchema = z
  .object({
    language: z.enum(['ko', 'en']),
    backend: backendSettingsSchema,
    /** Network timeout for payment calls. */
    paymentTimeoutMs: z.number().int().min(1000).max(120_000),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { language: 'ko', backend: { mode: 'embedded' }, paymentTimeoutMs: 15_000 };

export const PAYMENT_STATUSES = ['created', 'ready_requested', 'ready', 'approve_requested', 'approved', 'failed', 'unknown'] as const;
export const paymentStatusSchema = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;
export const FINAL_STATUSES: readonly PaymentStatus[] = ['approved', 'failed'];

const errorShapeSchema = z.object({ code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]), detail: z.string().optional() });

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
  tid: z.string().nullable(),
  methodType: z.string().nullable(),
  approvedAt: isoUtc.nullable(),
  error: errorShapeSchema.nullable(),
  createdAt: isoUtc,
  updatedAt: isoUtc,
});
export type Payment = z.infer<typeof paymentSchema>;

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
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const demoQrSchema = z.object({ qrText: z.string(), expiresAt: isoUtc, walletUrl: z.string() });

const dayInput = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict();

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
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Methods[M]['output']>;

export const events = {
  'payment.updated': paymentSchema,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export interface PosEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}

/** What a call returns across either shell: errors are values (IPC would drop an Error's fields). */
export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: PosErrorShape };

/** The API the renderer sees as `window.pos`. */
export type PosApi = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> } & {
  on<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void;
};

export const IPC_CHANNEL_PREFIX = 'pos:';
export const IPC_EVENT_CHANNEL = 'pos:event';
