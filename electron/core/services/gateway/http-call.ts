/**
 * The HTTP exchange shared by the dialect clients (axios): one request, a schema-checked 2xx body,
 * and every failure as a GatewayError whose kind tells the payment service what it may conclude
 * (see gateway.ts). Nothing else is ever thrown.
 *   transport: refused / DNS → unreachable; timeout, reset, anything after sending → unknown
 *   2xx with an unexpected body → unknown BACKEND_BAD_RESPONSE
 *   4xx with the backend's error body → rejected with its code (unknown codes → BACKEND_REJECTED);
 *       a bare 404 on a look-up → unknown (it does not prove the order was never seen)
 *   5xx → unknown BACKEND_UNKNOWN
 *   any status (200 and 4xx included) whose error body says the outcome is open — by its code
 *       (BANK_NO_RESPONSE, BANK_PROCESSING, DUPLICATE_TRANSACTION, BACKEND_UNKNOWN, BACKEND_BAD_RESPONSE)
 *       or its Open Banking rsp_code (A0007, A0001/400, A0326) → unknown with that code: look it up
 */
import axios, { AxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import { isErrorCode, type ErrorCode } from '../../../../shared/domain/errors';
import { GatewayError, type MerchantCredentials } from './gateway';

export const FORM = 'application/x-www-form-urlencoded;charset=utf-8';
/** Never reached the backend: nothing can have happened. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ERR_INVALID_URL']);
/**
 * Error codes that leave the outcome open: the caller must look the transaction up. The terminal's own
 * "unknown" codes are among them: a backend (or a proxy) answering 4xx with BACKEND_UNKNOWN says it does not know either.
 */
export const OPEN_OUTCOME_CODES: ReadonlySet<ErrorCode> = new Set(['BANK_NO_RESPONSE', 'BANK_PROCESSING', 'DUPLICATE_TRANSACTION', 'BACKEND_UNKNOWN', 'BACKEND_BAD_RESPONSE']);
/** Open Banking response codes (seed 001) that leave the outcome open, whatever the body's own code says. */
const OPEN_RSP_CODES: Readonly<Record<string, ErrorCode>> = { A0007: 'BANK_NO_RESPONSE', A0001: 'BANK_PROCESSING', '400': 'BANK_PROCESSING', A0326: 'DUPLICATE_TRANSACTION' };

/** The open-outcome code an error body carries (its code, or its Open Banking rsp_code), else null. */
function openOutcome(err: { code: string; rspCode?: string | undefined } | null): ErrorCode | null {
  if (!err) return null;
  if (isErrorCode(err.code) && OPEN_OUTCOME_CODES.has(err.code)) return err.code;
  return (err.rspCode !== undefined && Object.hasOwn(OPEN_RSP_CODES, err.rspCode) ? OPEN_RSP_CODES[err.rspCode] : undefined) ?? null;
}

export type Form = Record<string, string | number | undefined>;
/** A backend error body reduced to its code and a developer detail; null when the body is not one. */
export type ErrorBodyParser = (body: unknown) => { code: string; detail: string; rspCode?: string | undefined } | null;
export type CredentialsSource = MerchantCredentials | (() => MerchantCredentials | null | undefined) | undefined;

export function toForm(f: Form): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.append(k, String(v));
  return p.toString();
}

export function readCredentials(src: CredentialsSource): MerchantCredentials | null {
  const c = typeof src === 'function' ? src() : src;
  return c && (c.cidSecret || c.adminKey) ? c : null;
}

function parseJson(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Classifies a transport error (no usable response) — see GatewayFailureKind. */
function transportError(op: string, e: unknown): GatewayError {
  if (e instanceof GatewayError) return e;
  const code = e instanceof AxiosError || (e instanceof Error && 'code' in e) ? String((e as { code?: unknown }).code ?? '') : '';
  const msg = e instanceof Error ? e.message : String(e);
  if (UNREACHABLE.has(code)) return new GatewayError('unreachable', 'BACKEND_UNREACHABLE', `${op}: ${code}`);
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED') return new GatewayError('unknown', 'BACKEND_UNKNOWN', `${op}: timed out (${code})`);
  if (code === 'ERR_FR_MAX_CONTENT_LENGTH_EXCEEDED' || code === 'ERR_BAD_RESPONSE') return new GatewayError('unknown', 'BACKEND_BAD_RESPONSE', `${op}: ${code}`);
  // ECONNRESET, EPIPE, socket hang up, anything else after the request may have left: outcome unknown.
  return new GatewayError('unknown', 'BACKEND_UNKNOWN', `${op}: ${code || msg}`.slice(0, 300));
}

export function createHttp(baseUrl: string, timeoutMs: number): AxiosInstance {
  return axios.create({
    baseURL: baseUrl.replace(/\/+$/, ''),
    timeout: timeoutMs,
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(d: unknown) => d], // parse ourselves: a garbage body must not throw inside axios
    maxRedirects: 0,
    maxContentLength: 1024 * 1024,
    proxy: false, // the backend is called directly (loopback simulator or the configured URL)
    headers: { Accept: 'application/json' },
  });
}

export type Send = (signal: AbortSignal) => Promise<AxiosResponse<unknown>>;

/** Sends one request and returns the schema-checked body of a 2xx answer. */
export async function call<S extends z.ZodType>(
  timeoutMs: number,
  parseError: ErrorBodyParser,
  op: string,
  schema: S,
  send: Send,
  notFound?: 'PAYMENT_NOT_FOUND',
): Promise<z.output<S>> {
  let res: AxiosResponse<unknown>;
  try {
    // axios' timeout is per socket inactivity; the signal bounds the whole exchange (a trickling server).
    res = await send(AbortSignal.timeout(timeoutMs + 50));
  } catch (e) {
    throw transportError(op, e);
  }
  const status = res.status;
  const body = parseJson(res.data);
  // An error body is read at any status: A0007 (no answer from the bank) in a 200 or a 4xx is as open as in a 504.
  const err = parseError(body);
  const open = openOutcome(err);
  const openError = (c: ErrorCode) => new GatewayError('unknown', c, `${op}: HTTP ${status} ${err?.detail ?? ''}`.slice(0, 300), status);
  if (status >= 200 && status < 300) {
    const r = schema.safeParse(body);
    if (!r.success) {
      if (open) throw openError(open);
      const where = r.error.issues[0]?.path.join('.') ?? '';
      throw new GatewayError('unknown', 'BACKEND_BAD_RESPONSE', `${op}: HTTP ${status} with an unexpected body${body === undefined ? ' (not JSON)' : where ? ` (${where})` : ''}`, status);
    }
    return r.data;
  }
  if (open) throw openError(open);
  if (status >= 400 && status < 500) {
    if (err) {
      const code = isErrorCode(err.code) ? err.code : 'BACKEND_REJECTED';
      throw new GatewayError('rejected', code, `${op}: HTTP ${status} ${err.detail}`.slice(0, 300), status);
    }
    // A 404 without the backend's error body (wrong URL, a proxy page) does not prove the order
    // was never seen: a look-up must not conclude "not found" from it.
    if (status === 404 && notFound) throw new GatewayError('unknown', 'BACKEND_BAD_RESPONSE', `${op}: HTTP 404 without an error body`, status);
    throw new GatewayError('rejected', 'BACKEND_REJECTED', `${op}: HTTP ${status}`, status);
  }
  throw new GatewayError('unknown', 'BACKEND_UNKNOWN', `${op}: HTTP ${status}`, status);
}
