/**
 * The simulator's error values and their one JSON shape:
 *   { code, message (ko, from ERROR_MESSAGES), message_en, detail?, field?, rsp_code? }
 * with a 4xx status for every bad input (5xx only for a bug or an injected fault). `rsp_code` is the
 * Open Banking response code (seed 001) where one applies. The Kakao Pay dialect wraps the same
 * values in Kakao's error shape (kakaopay-format.ts). `detail` is English developer text
 * that names the field; it never contains a QR token or an account number.
 */
import type { z } from 'zod';
import { ERROR_MESSAGES, type ErrorCode } from '../../shared/domain/errors';

export interface SimErrorBody {
  code: ErrorCode;
  message: string;
  message_en: string;
  detail?: string;
  field?: string;
  rsp_code?: string;
}

export class SimError extends Error {
  /** Kakao dialect: the number from Kakao's response-code table when the context decides it (kakaopay-format.ts). */
  kakaoCode?: number;
  /** An injected fault (faults.ts): the Kakao dialect keeps its HTTP status instead of Kakao's 400. */
  injected = false;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly field?: string,
    readonly rspCode?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'SimError';
  }

  /** Sets the Kakao response code this error answers with in the Kakao dialect. */
  kakao(code: number): this {
    this.kakaoCode = code;
    return this;
  }

  body(): SimErrorBody {
    const b: SimErrorBody = { code: this.code, message: ERROR_MESSAGES[this.code].ko, message_en: ERROR_MESSAGES[this.code].en };
    if (this.detail !== undefined) b.detail = this.detail;
    if (this.field !== undefined) b.field = this.field;
    if (this.rspCode !== undefined) b.rsp_code = this.rspCode;
    return b;
  }
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The first zod issue as a 400 VALIDATION_FAILED naming the field. */
export function validationError(issues: readonly z.core.$ZodIssue[], raw: unknown): SimError {
  const issue = issues[0];
  const field = issue && issue.path.length > 0 ? String(issue.path[0]) : undefined;
  if (!issue || field === undefined) return new SimError(400, 'VALIDATION_FAILED', 'the request body must be a form with the documented fields');
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[field] : undefined;
  let why: string;
  if (isBlank(value)) why = 'is required';
  else if (Array.isArray(value)) why = 'must be sent once';
  else if (issue.code === 'too_big') why = issue.origin === 'string' ? `must be at most ${String(issue.maximum)} characters` : `must be at most ${String(issue.maximum)}`;
  else if (issue.code === 'too_small') why = issue.origin === 'string' ? `must be at least ${String(issue.minimum)} characters` : `must be at least ${String(issue.minimum)}`;
  else if (issue.code === 'invalid_type') why = `must be ${issue.expected === 'number' ? 'an integer' : `a ${issue.expected}`}`;
  else why = issue.message;
  return new SimError(400, 'VALIDATION_FAILED', `${field} ${why}`, field);
}

/** Parses input with a schema or throws a SimError naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw ?? {});
  if (!r.success) throw validationError(r.error.issues, raw);
  return r.data;
}
