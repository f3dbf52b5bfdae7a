/**
 * What the fuzzed backend answers (status, headers, body) and what the gateway must make of it.
 * Bodies are either a well-formed answer of the endpoint (the template, as the simulator sends it)
 * edited in a few places (keys dropped, values replaced by wrong types, huge or negative numbers,
 * bad dates), truncated, an error body of either dialect, or garbage (HTML, bytes, empty, any JSON).
 * `SHAPES` is the documented result of each gateway method (gateway.ts).
 */
import fc from 'fast-check';
import { z } from 'zod';
import { ERROR_CODES } from '../../shared/domain/errors';

const money = (total: number) => ({ total, tax_free: 0, vat: Math.round(total / 11), point: 0, discount: 0, green_deposit: 0 });
const oneqStatus = { tid: '20261122000001', cid: 'OQ12345678', order_id: 'T-1', status: 'APPROVED', amount: 4500, payment_method_type: 'ACCOUNT', tran_dt: '2026.11.22 10:00:05', detail_status: 'APPROVED', canceled_amount: 0, cancel_available_amount: 4500 };
const kakaoOrder = {
  tid: 'T1234567890123456789',
  cid: 'OQ12345678',
  status: 'SUCCESS_PAYMENT',
  partner_order_id: 'T-1',
  partner_user_id: 'guest',
  item_name: '아메리카노',
  payment_method_type: 'MONEY',
  amount: money(4500),
  canceled_amount: money(0),
  cancel_available_amount: money(4500),
  approved_at: '2026-11-22T10:00:05',
  pg_token: 'pgtoken0123456789',
};

/** A well-formed answer per endpoint path (both dialects' paths are distinct, /pay/store/token and /health are shared). */
export const TEMPLATES: Record<string, Record<string, unknown>> = {
  '/pay/store/token': { cid: 'OQ12345678', created_at: '2026.11.22 10:00:00', category_cd: 552101, approved_at: '2026.11.22 10:00:01', cid_secret: 'abcdefghijklmnop01234567', admin_key: '0123456789abcdef0123456789abcdef' },
  '/health': { ok: true },
  '/pay': { tid: '20261122000001', next_redirect_url: 'http://127.0.0.1/pay/showQRCode?tid=1', android_app_scheme: 'http://127.0.0.1/pay/oneq/transfer?tid=1', approved_at: '2026.11.22 10:00:00' },
  '/pay/success': { tid: '20261122000001', cid: 'OQ12345678', order_id: 'T-1', member_id: 'guest', payment_method_type: 'ACCOUNT', item_name: '아메리카노', amount: 4500, tran_dt: '2026.11.22 10:00:05' },
  '/pay/status': oneqStatus,
  '/pay/cancel': { ...oneqStatus, status: 'CANCELLED', aid: 'A20261122000001', cancel_amount: 4500, cancel_tax_free_amount: 0, cancel_vat_amount: 409, canceled_amount: 4500, cancel_available_amount: 0, canceled_at: '2026.11.22 10:05:00' },
  '/v1/payment/ready': { tid: 'T1234567890123456789', created_at: '2026-11-22T10:00:00', next_redirect_pc_url: 'http://127.0.0.1/pc', next_redirect_mobile_url: 'http://127.0.0.1/m', android_app_scheme: 'kakaotalk://x', pg_token: 'pgtoken0123456789' },
  '/v1/payment/approve': { aid: 'A1234', tid: 'T1234567890123456789', cid: 'OQ12345678', partner_order_id: 'T-1', partner_user_id: 'guest', payment_method_type: 'MONEY', item_name: '아메리카노', amount: money(4500), approved_at: '2026-11-22T10:00:05' },
  '/v1/payment/order': kakaoOrder,
  '/v1/payment/order#authorized': { ...kakaoOrder, status: 'AUTH_PASSWORD', payment_method_type: null, canceled_amount: money(0), cancel_available_amount: money(0), approved_at: null },
  '/v1/payment/order#ready': { ...kakaoOrder, status: 'READY', payment_method_type: null, approved_at: null, pg_token: undefined },
  '/v1/payment/order#quit': { ...kakaoOrder, status: 'QUIT_PAYMENT', payment_method_type: null, approved_at: null, pg_token: undefined },
  '/v1/payment/order#expired': { ...kakaoOrder, status: 'FAIL_PAYMENT', payment_method_type: null, approved_at: null, pg_token: undefined, failure_code: 'PAYMENT_EXPIRED' },
  '/v1/payment/cancel': { ...kakaoOrder, aid: 'A1235', status: 'CANCEL_PAYMENT', approved_cancel_amount: money(4500), canceled_amount: money(4500), cancel_available_amount: money(0), canceled_at: '2026-11-22T10:05:00' },
};

/** A literal spliced into the JSON text as is (so 1e400, -0 or 30 digits reach the client's JSON.parse). */
const RAW = '@@raw@@';
const rawNumber = fc.constantFrom('1e400', '-1e400', '-0', '123456789012345678901234567890', '9007199254740993', '4500.0', '4.5e3', '0x1194', 'NaN', '00', '-4500');
const weirdNumber = fc.oneof(
  fc.constantFrom(-1, -4500, 0, 0.5, 4500.5, 1e300, 2 ** 53, -(2 ** 53), 2 ** 31, Number.MAX_SAFE_INTEGER),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  rawNumber.map((r) => `${RAW}${r}`),
);
const weirdString = fc.oneof(
  fc.constantFrom('', ' ', 'x'.repeat(3000), '4500', 'null', '0000-01-01T00:00:00', '0000.01.01 00:00:00', '2026-02-30T10:00:00', '2026.02.30 10:00:00', 'READY', 'APPROVED', 'CANCELLED', 'FAILED', 'AUTH_PASSWORD', 'SUCCESS_PAYMENT', 'PART_CANCEL_PAYMENT', 'CANCEL_PAYMENT', 'FAIL_PAYMENT', 'QUIT_PAYMENT', 'SEND_TMS', 'MONEY', 'CARD', 'ACCOUNT'),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z?$/),
  fc.stringMatching(/^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}:\d{2}$/),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const weirdAny = fc.oneof(fc.constantFrom(null, true, false, [], {}), fc.jsonValue({ maxDepth: 2 }), weirdNumber, weirdString);

/** Drop a key, or replace a value: mostly by one of its own type (a number by a negative, huge or fractional one, a string by a bad date …). */
export type Edit = { at: number; op: 'delete' } | { at: number; op: 'set'; sameType: boolean; num: unknown; str: unknown; any: unknown };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ at: fc.nat(), op: fc.constant('delete' as const) }),
  { weight: 4, arbitrary: fc.record({ at: fc.nat(), op: fc.constant('set' as const), sameType: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)), num: weirdNumber, str: weirdString, any: weirdAny }) },
);

export type Body =
  /** The path's template (or its variant `path#…`, picked by `variant`), edited, maybe cut short. */
  | { kind: 'template'; variant: number; edits: Edit[]; cut: number | null }
  | { kind: 'error'; style: 'oneq' | 'kakao'; code: string; kakaoCode: number }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'huge'; bytes: number };

export interface Answer {
  status: number;
  contentType: string | null;
  /** normal; destroy: close the socket without answering; short: promise more bytes than sent, then close. */
  mode: 'normal' | 'destroy' | 'short';
  /** Content-Encoding: gzip on a body that is not gzipped. */
  bogusGzip: boolean;
  body: Body;
}

const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('template' as const), variant: fc.nat(), edits: fc.oneof(fc.constant<Edit[]>([]), { weight: 2, arbitrary: fc.array(edit, { minLength: 1, maxLength: 3 }) }), cut: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, fc.nat()) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('error' as const),
      style: fc.constantFrom('oneq' as const, 'kakao' as const),
      code: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ERROR_CODES) }, fc.string({ maxLength: 70 })),
      kakaoCode: fc.constantFrom(-2, -401, -700, -702, -780, -798, -500, 0, 3.5),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      text: fc.oneof(fc.constantFrom('', ' ', 'null', '[]', '{}', '<html><body><h1>502 Bad Gateway</h1></body></html>', '{"ok":true', '\ufeff{"ok":true}', 'ok', '{"code":'), fc.string({ unit: 'binary', maxLength: 200 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 300 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge' as const), bytes: fc.constantFrom(70_000, 1024 * 1024 + 1) }) },
);

const status = fc.oneof(
  { weight: 6, arbitrary: fc.constant(200) },
  { weight: 5, arbitrary: fc.constantFrom(201, 202, 204, 304, 400, 401, 403, 404, 404, 409, 422, 429, 500, 502, 503, 504) },
  { weight: 2, arbitrary: fc.integer({ min: 100, max: 599 }) },
);

const anyAnswer: fc.Arbitrary<Answer> = fc.record({
  status,
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=euc-kr', 'text/html', 'text/plain', 'application/octet-stream', 'application/x-www-form-urlencoded', null),
  mode: fc.oneof({ weight: 16, arbitrary: fc.constant('normal' as const) }, fc.constant('destroy' as const), fc.constant('short' as const)),
  bogusGzip: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, fc.constant(true)),
  body,
});
/** A well-formed 200 (some variant of the endpoint's answer): so that every method also reaches its success path. */
const wellFormed: fc.Arbitrary<Answer> = fc.nat().map((variant) => ({ status: 200, contentType: 'application/json', mode: 'normal', bogusGzip: false, body: { kind: 'template', variant, edits: [], cut: null } }));
export const answer: fc.Arbitrary<Answer> = fc.oneof({ weight: 3, arbitrary: anyAnswer }, wellFormed);

function leafPaths(v: unknown, prefix: string[] = []): string[][] {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return [prefix];
  return Object.entries(v).flatMap(([k, c]) => [[...prefix, k], ...(c !== null && typeof c === 'object' && !Array.isArray(c) ? leafPaths(c, [...prefix, k]) : [])]);
}

function applyEdit(root: Record<string, unknown>, e: Edit): void {
  const paths = leafPaths(root).filter((p) => p.length > 0);
  const path = paths[e.at % paths.length];
  if (!path) return;
  let o = root;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (e.op === 'delete') delete o[last];
  else if (!e.sameType) o[last] = e.any;
  else o[last] = typeof o[last] === 'number' ? e.num : typeof o[last] === 'string' ? e.str : e.any;
}

/** The bytes of a body for a request to `path`. */
export function bodyBytes(b: Body, path: string): Buffer {
  switch (b.kind) {
    case 'template': {
      const variants = Object.keys(TEMPLATES).filter((k) => k === path || k.startsWith(`${path}#`));
      const t = structuredClone(TEMPLATES[variants[b.variant % Math.max(1, variants.length)] ?? ''] ?? {});
      for (const e of b.edits) applyEdit(t, e);
      const text = JSON.stringify(t).replace(new RegExp(`"${RAW}([^"]*)"`, 'g'), '$1');
      return Buffer.from(b.cut === null ? text : text.slice(0, b.cut % (text.length + 1)));
    }
    case 'error':
      return Buffer.from(
        JSON.stringify(b.style === 'oneq' ? { code: b.code, message: '오류', message_en: 'error', detail: 'fuzz' } : { code: b.kakaoCode, msg: 'error', extras: { method_result_code: b.code, detail: 'fuzz' } }),
      );
    case 'json':
      return Buffer.from(JSON.stringify(b.value) ?? '');
    case 'text':
      return Buffer.from(b.text);
    case 'bytes':
      return Buffer.from(b.bytes);
    case 'huge':
      return Buffer.from(`{"tid":"${'1'.repeat(b.bytes)}"}`);
  }
}

const text = z.string();
const nonEmpty = z.string().min(1);
const moneyOut = z.number().int().nonnegative();
const isoUtc = z.string().datetime();
const remote = z.enum(['READY', 'APPROVED', 'FAILED', 'CANCELLED']);
const lookup = z
  .object({
    tid: nonEmpty,
    cid: nonEmpty,
    orderId: nonEmpty,
    status: remote,
    amount: moneyOut,
    paymentMethodType: text.nullable(),
    tranDt: text.nullable(),
    canceledAmount: moneyOut.optional(),
    cancelableAmount: moneyOut.optional(),
    detailStatus: text.optional(),
  })
  .strict();

/** The documented result of each gateway method (gateway.ts): integer KRW amounts ≥ 0, UTC ISO times where documented. */
export const SHAPES = {
  registerStore: z.object({ cid: nonEmpty, createdAt: text, categoryCd: z.number().int(), approvedAt: text, cidSecret: nonEmpty.optional(), adminKey: nonEmpty.optional() }).strict(),
  ready: z.object({ tid: nonEmpty, nextRedirectUrl: text, androidAppScheme: text, approvedAt: text }).strict(),
  readyForPhone: z.object({ tid: nonEmpty, pcUrl: text, mobileUrl: text, createdAt: isoUtc }).strict(),
  approve: z.object({ tid: nonEmpty, cid: nonEmpty, orderId: nonEmpty, memberId: text, paymentMethodType: nonEmpty, itemName: text, amount: moneyOut, tranDt: text }).strict(),
  lookup,
  lookupByTid: lookup,
  cancel: z
    .object({
      tid: nonEmpty,
      cid: nonEmpty,
      orderId: nonEmpty,
      status: remote,
      aid: nonEmpty,
      cancelAmount: moneyOut,
      cancelTaxFreeAmount: moneyOut,
      cancelVatAmount: moneyOut,
      canceledAmount: moneyOut,
      cancelableAmount: moneyOut,
      canceledAt: isoUtc,
      paymentMethodType: text.nullable(),
    })
    .strict(),
  ping: z.number().finite().nonnegative(),
  waitForAuthorization: z.object({ pgToken: nonEmpty }).strict(),
} as const;
export type FuzzedMethod = keyof typeof SHAPES;
