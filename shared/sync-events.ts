/**
 * The terminal's append-only event log (issue 14): what each event type carries, one zod schema
 * per type. The terminal validates a payload before appending it (electron/core/sync/event-log.ts),
 * the head office validates every event it ingests (headoffice/server/ingest.ts) against the same
 * schemas, and a ledger rebuilt from the head office replays them (electron/core/sync/rebuild.ts).
 *
 * Payloads are full snapshots of the row after the change (not diffs): the newest event of a row is
 * the row, so a read model or a rebuild never needs the events before it.
 *
 * Adding a fact (e.g. orders, cash tenders, drawer sessions): add its schema to SYNC_EVENT_SCHEMAS
 * below, then one call `appendEvent(db, '<type>', payload)` inside the transaction that writes it.
 */
import { z } from 'zod';
import { COUNTER_EVENT_SCHEMAS } from './sync-events-counter';

const isoUtc = z.string().datetime({ offset: false });
const krw = z.number().int();

export const paymentSnapshotSchema = z
  .object({
    id: z.number().int().positive(),
    orderId: z.string().min(1).max(100),
    cid: z.string().max(100),
    status: z.enum(['created', 'ready_requested', 'ready', 'approve_requested', 'approved', 'failed', 'unknown']),
    amount: krw.positive(),
    taxFree: krw.nonnegative(),
    vat: krw,
    supply: krw,
    itemName: z.string().max(500),
    quantity: z.number().int(),
    itemsJson: z.string().max(200_000),
    qrMasked: z.string().max(200),
    flow: z.enum(['cpm', 'mpm']),
    tid: z.string().nullable(),
    methodType: z.string().nullable(),
    approvedAt: z.string().nullable(),
    errorCode: z.string().nullable(),
    errorDetail: z.string().nullable(),
    categoryCd: z.number().int().nullable(),
    createdAt: isoUtc,
    updatedAt: isoUtc,
    /** The history entry written with this change (payment_events). */
    history: z.object({ status: z.string(), at: isoUtc, detail: z.string().nullable() }),
  })
  .strict();
export type PaymentSnapshot = z.infer<typeof paymentSnapshotSchema>;

export const refundSnapshotSchema = z
  .object({
    id: z.number().int().positive(),
    paymentId: z.number().int().positive(),
    requestId: z.string().min(1).max(100),
    status: z.enum(['created', 'cancel_requested', 'cancelled', 'failed', 'unknown']),
    amount: krw.positive(),
    taxFree: krw.nonnegative(),
    vat: krw,
    aid: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    errorCode: z.string().nullable(),
    errorDetail: z.string().nullable(),
    createdAt: isoUtc,
    updatedAt: isoUtc,
    history: z.object({ status: z.string(), at: isoUtc, detail: z.string().nullable() }),
  })
  .strict();
export type RefundSnapshot = z.infer<typeof refundSnapshotSchema>;

export const storeSnapshotSchema = z
  .object({
    businessNo: z.string().regex(/^\d{10}$/),
    name: z.string().min(1).max(100),
    representative: z.string().max(30),
    phone: z.string().max(20),
    address1: z.string().max(200),
    address2: z.string().max(200),
    postNo: z.string().max(5),
    cid: z.string().max(100),
    categoryCd: z.number().int(),
    createdAt: z.string(),
    approvedAt: z.string(),
    registeredAt: isoUtc,
  })
  .strict();

export const dayClosedSchema = z
  .object({
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    closedAt: isoUtc,
    /** The frozen settlement report (shared/contract settlementReportSchema), kept as the terminal wrote it. */
    reportJson: z.string().max(2_000_000),
  })
  .strict();

export const SYNC_EVENT_SCHEMAS = {
  /** The store profile was registered or changed at the terminal. */
  'store.saved': storeSnapshotSchema,
  /** A payment was created or changed state (the row after the change). */
  'payment.changed': paymentSnapshotSchema,
  /** A refund (cancel) was created or changed state. */
  'refund.changed': refundSnapshotSchema,
  /** 일마감: a day's report was frozen. */
  'day.closed': dayClosedSchema,
  // issue 14: orders, tenders, 현금영수증, drawer sessions and cash, catalog (shared/sync-events-counter.ts)
  ...COUNTER_EVENT_SCHEMAS,
} as const;
export type SyncEventType = keyof typeof SYNC_EVENT_SCHEMAS;
export type SyncEventPayload<T extends SyncEventType> = z.infer<(typeof SYNC_EVENT_SCHEMAS)[T]>;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'uuid');

/** One event as it travels (terminal → head office, head office → terminal on a rebuild). */
export const syncEventSchema = z
  .object({
    id: uuid,
    terminalId: uuid,
    seq: z.number().int().positive(),
    type: z.string().max(50),
    payload: z.unknown(),
    createdAt: isoUtc,
  })
  .strict();
export type SyncEvent = z.infer<typeof syncEventSchema>;

export const MAX_BATCH = 500;
export const ingestRequestSchema = z
  .object({
    terminalId: uuid,
    /** The terminal's clock when it sent the batch: a clock far off is refused (CLOCK_SKEW). */
    sentAt: isoUtc,
    events: z.array(syncEventSchema).max(MAX_BATCH),
    /** The highest sequence the terminal holds (its backlog for the dashboard). */
    heldSeq: z.number().int().nonnegative().optional(),
  })
  .strict();
export type IngestRequest = z.infer<typeof ingestRequestSchema>;
export const ingestResponseSchema = z.object({ ackedSeq: z.number().int().nonnegative(), inserted: z.number().int().nonnegative() });
export type IngestResponse = z.infer<typeof ingestResponseSchema>;

/** Why the head office refused a batch: the whole batch is refused and nothing stored changes. */
export const INGEST_REFUSALS = ['BAD_REQUEST', 'UNAUTHORIZED', 'WRONG_TERMINAL', 'GAP', 'ALTERED_EVENT', 'INVALID_PAYLOAD', 'CLOCK_SKEW'] as const;
export type IngestRefusal = (typeof INGEST_REFUSALS)[number];

/** Validates an event's payload against its type's schema; returns the error text or null. */
export function payloadError(type: string, payload: unknown): string | null {
  if (!(type in SYNC_EVENT_SCHEMAS)) return `unknown event type ${JSON.stringify(type)}`;
  const r = SYNC_EVENT_SCHEMAS[type as SyncEventType].safeParse(payload);
  if (r.success) return null;
  return r.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
}

export const enrollRequestSchema = z.object({ code: z.string().trim().min(4).max(40), terminalId: uuid, name: z.string().trim().min(1).max(60) }).strict();
export const enrollResponseSchema = z.object({ terminalId: uuid, key: z.string(), storeId: z.string(), storeName: z.string() });
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

/** Data flowing down (head office wins): the store profile until the catalog lands; versioned changes. */
export const downChangeSchema = z.object({
  version: z.number().int().positive(),
  kind: z.literal('store.profile'),
  data: z.object({ name: z.string().min(1).max(100), representative: z.string().max(30), phone: z.string().max(20), address1: z.string().max(200), address2: z.string().max(200) }).strict(),
});
export type DownChange = z.infer<typeof downChangeSchema>;
