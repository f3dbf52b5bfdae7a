/**
 * Fault injection for tests and cashier training: the next N calls of an endpoint are delayed, time
 * out after committing, have their connection reset, get a 5xx or a garbage body, or get one of the
 * Open Banking response codes of seed 001. Off unless the simulator is started with `faults` (CLI --faults).
 *
 *   mode        what the caller sees                                    commit (runs the operation) by default
 *   delay       the normal answer after delay_ms                        yes
 *   timeout     nothing: the answer is held delay_ms, then the socket    yes   (so a look-up finds it done)
 *               is reset (the client times out first)
 *   reset       the connection reset                                    no    (commit: true = reset after doing it)
 *   http_5xx    status (500..599) with an INTERNAL body                 no
 *   garbage     200 with a body that is not JSON (a broken proxy, a     yes   (the answer is lost, not the work)
 *               truncated answer)
 *   mismatch    the normal answer, but naming another amount (+1000),  yes
 *               order id, tid or merchant (`field`): a bank that approved
 *               something else (set it on approve and look-up alike)
 *   code        A0007 → 504 BANK_NO_RESPONSE (look up)                  yes
 *               A0017 | 311 → 424 BANK_TIMEOUT_REJECTED (nothing done)  no
 *               A0001 | 400 → 202 BANK_PROCESSING (look up)             yes
 *               A0326 → 409 DUPLICATE_TRANSACTION (first result stands) no
 *               A0316 | A0319 → 403 CONSENT_*_EXPIRED                   no
 * Bounded: at most 64 rules, count ≤ 1000, delay_ms ≤ 60000. Held requests end when the server closes.
 */
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { z } from 'zod';
import type { ErrorCode } from '../../shared/domain/errors';
import { SimError } from './sim-errors';

export const BANK_CODES = ['A0007', 'A0017', '311', 'A0001', '400', 'A0326', 'A0316', 'A0319'] as const;
export type BankCode = (typeof BANK_CODES)[number];
const BANK: Record<BankCode, { status: number; code: ErrorCode; commit: boolean }> = {
  A0007: { status: 504, code: 'BANK_NO_RESPONSE', commit: true },
  A0017: { status: 424, code: 'BANK_TIMEOUT_REJECTED', commit: false },
  '311': { status: 424, code: 'BANK_TIMEOUT_REJECTED', commit: false },
  A0001: { status: 202, code: 'BANK_PROCESSING', commit: true },
  '400': { status: 202, code: 'BANK_PROCESSING', commit: true },
  A0326: { status: 409, code: 'DUPLICATE_TRANSACTION', commit: false },
  A0316: { status: 403, code: 'CONSENT_INFO_EXPIRED', commit: false },
  A0319: { status: 403, code: 'CONSENT_WITHDRAWAL_EXPIRED', commit: false },
};

export const faultSpecSchema = z
  .object({
    /** Route path as registered, e.g. "/pay/success", "/v1/payment/approve", or "*" for every merchant call. */
    path: z.string().min(1).max(100),
    method: z.enum(['GET', 'POST', '*']).default('*'),
    mode: z.enum(['delay', 'timeout', 'reset', 'http_5xx', 'garbage', 'code', 'mismatch']),
    /** mismatch: which part of the answer names something else. */
    field: z.enum(['amount', 'order', 'tid', 'merchant']).default('amount'),
    count: z.coerce.number().int().min(1).max(1000).default(1),
    delay_ms: z.coerce.number().int().min(0).max(60_000).optional(),
    status: z.coerce.number().int().min(500).max(599).default(500),
    code: z.enum(BANK_CODES).optional(),
    commit: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean().optional()),
  })
  .refine((f) => f.mode !== 'code' || f.code !== undefined, { message: 'mode code needs code', path: ['code'] });
export type MismatchField = 'amount' | 'order' | 'tid' | 'merchant';
export type FaultSpec = z.input<typeof faultSpecSchema>;

export interface FaultRule {
  id: number;
  path: string;
  method: 'GET' | 'POST' | '*';
  mode: 'delay' | 'timeout' | 'reset' | 'http_5xx' | 'garbage' | 'code' | 'mismatch';
  field: MismatchField;
  remaining: number;
  delay_ms: number;
  status: number;
  code: BankCode | null;
  commit: boolean;
}

const MAX_RULES = 64;
/** What the garbage mode answers: JSON cut off in the middle. */
export const GARBAGE = '{"tid": "1234567890", "next_redirect_url": [garbage';

export class Faults {
  private rules: FaultRule[] = [];
  private nextId = 1;
  private readonly held = new Set<() => void>();
  private closed = false;

  constructor(readonly enabled: boolean) {}

  add(raw: unknown): FaultRule {
    const r = faultSpecSchema.safeParse(raw);
    if (!r.success) {
      const i = r.error.issues[0];
      throw new SimError(400, 'VALIDATION_FAILED', `${i?.path.join('.') || 'body'}: ${i?.message ?? 'invalid'}`, i?.path.join('.') || undefined);
    }
    if (this.rules.length >= MAX_RULES) throw new SimError(409, 'VALIDATION_FAILED', `at most ${MAX_RULES} fault rules`);
    const f = r.data;
    const commitDefault = f.mode === 'code' ? BANK[f.code!].commit : f.mode === 'delay' || f.mode === 'timeout' || f.mode === 'garbage' || f.mode === 'mismatch';
    const rule: FaultRule = {
      id: this.nextId++,
      path: f.path,
      method: f.method,
      mode: f.mode,
      field: f.field,
      remaining: f.count,
      delay_ms: f.delay_ms ?? (f.mode === 'timeout' ? 30_000 : 0),
      status: f.status,
      code: f.code ?? null,
      commit: f.mode === 'delay' || f.mode === 'mismatch' ? true : (f.commit ?? commitDefault),
    };
    this.rules.push(rule);
    return { ...rule };
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }
  clear(): void {
    this.rules = [];
  }

  /** Takes the first matching rule (one use). */
  take(method: string, path: string): FaultRule | null {
    if (!this.enabled) return null;
    const i = this.rules.findIndex((r) => (r.path === path || r.path === '*') && (r.method === '*' || r.method === method));
    if (i < 0) return null;
    const r = this.rules[i]!;
    if (--r.remaining <= 0) this.rules.splice(i, 1);
    return { ...r };
  }

  /** Waits ms, or less when the server closes. */
  private sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.held.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      this.held.add(done);
    });
  }

  /** Ends every held request (called before the server closes). */
  releaseAll(): void {
    this.closed = true;
    for (const done of [...this.held]) done();
  }

  /** Wraps a merchant route handler with the fault rules of its path. */
  wrap(handler: (req: FastifyRequest, reply: FastifyReply) => unknown): RouteHandlerMethod {
    return async (req: FastifyRequest, reply: FastifyReply) => {
      const rule = this.take(req.method, req.routeOptions.url ?? req.url.split('?')[0]!);
      if (!rule) return handler(req, reply);
      const reset = () => {
        reply.hijack();
        req.raw.socket?.destroy();
        return reply;
      };
      if (rule.mode === 'delay') {
        await this.sleep(rule.delay_ms);
        return handler(req, reply);
      }
      if (rule.mode === 'reset' && !rule.commit) return reset();
      let result: unknown;
      let failure: unknown;
      if (rule.commit) {
        try {
          result = await handler(req, reply);
        } catch (e) {
          failure = e;
        }
      }
      switch (rule.mode) {
        case 'mismatch':
          if (failure) throw failure;
          return misstate(result, rule.field);
        case 'timeout':
          await this.sleep(rule.delay_ms);
          return reset();
        case 'reset':
          return reset();
        case 'http_5xx':
          throw Object.assign(new SimError(rule.status, 'INTERNAL', `injected fault: HTTP ${rule.status}`), { injected: true });
        case 'garbage':
          return reply.status(200).type('application/json; charset=utf-8').send(GARBAGE);
        case 'code': {
          const b = BANK[rule.code!];
          throw Object.assign(new SimError(b.status, b.code, `injected fault: ${rule.code}`, undefined, rule.code!), { injected: true });
        }
      }
      if (failure) throw failure;
      return result;
    };
  }
}

/**
 * The answer of a bank that approved something else: both dialects' field names (OneQ amount /
 * order_id, Kakao amount.total / partner_order_id; tid, cid). Other answers pass unchanged.
 */
export function misstate(result: unknown, field: MismatchField): unknown {
  if (!result || typeof result !== 'object' || Array.isArray(result)) return result;
  const r = { ...(result as Record<string, unknown>) };
  const other = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v.slice(0, -1) + (v.endsWith('7') ? '8' : '7') : v);
  if (field === 'amount') {
    if (typeof r.amount === 'number') r.amount += 1000;
    else if (r.amount && typeof r.amount === 'object') {
      const a = { ...(r.amount as Record<string, unknown>) };
      if (typeof a.total === 'number') a.total += 1000;
      r.amount = a;
    }
  }
  if (field === 'order') for (const k of ['order_id', 'partner_order_id']) if (k in r) r[k] = other(r[k]);
  if (field === 'tid' && 'tid' in r) r.tid = other(r.tid);
  if (field === 'merchant' && 'cid' in r) r.cid = other(r.cid);
  return r;
}

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(addr: string | undefined): boolean {
  if (!addr) return false;
  const a = addr.startsWith('::ffff:') ? addr.slice(7) : addr;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}
