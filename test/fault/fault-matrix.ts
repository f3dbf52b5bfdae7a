/**
 * The network fault matrix as data: steps × faults → what the terminal must end with.
 * A step names the simulator route its fault is put on, how the core is driven through it
 * (`drive`, see the runners in fault-matrix.test.ts) and what the outcome must be for each fault.
 * Adding a step is one entry here plus, for a new `drive`, one runner (RUNNERS in fault-matrix.test.ts).
 *
 * Cancel (the router's refundPayment, being written in services/payment/refund-*.ts): add 'refund' to
 * StepDef['drive'], a RefundExpect ({ first, final, refunds: 0 | 1, code }), the STEPS entry
 *   { name: 'cancel', path: '/pay/cancel', method: 'POST', count: 1, drive: 'refund', expect }
 * (rejected → refund failed, 0 refunds; unknown → retried/looked up with the same cancel_request_id →
 * refunded once, whether or not the fault committed), and a runRefund runner: checkout without a fault,
 * put the fault on /pay/cancel, call refundPayment, settle, wait for held requests, then count the
 * order's CANCEL rows in the simulator's payment_actions (never 2) and the balance given back once.
 */
import type { ErrorCode } from '../../shared/domain/errors';
import { FAULT_TIMEOUT_MS } from './remote-core';

export interface FaultDef {
  name: string;
  spec: Record<string, unknown>;
  /** Does the backend do the operation? 'late' = yes, after the client gave up (a held request). */
  commits: boolean | 'late';
  /** How the client can classify it: rejected (nothing happened) or unknown (look it up). */
  kind: 'unknown' | 'rejected';
  /** The error code the gateway reports. */
  code: ErrorCode;
  /** How long the request stays held at the simulator (a late landing is awaited before the verdict). */
  holdMs?: number;
}

const T = FAULT_TIMEOUT_MS;
const bank = (code: string, kind: FaultDef['kind'], commits: boolean, err: ErrorCode): FaultDef => ({ name: code, spec: { mode: 'code', code }, commits, kind, code: err });

export const FAULTS: readonly FaultDef[] = [
  { name: 'delay past the client timeout', spec: { mode: 'delay', delay_ms: T + 1500 }, commits: 'late', kind: 'unknown', code: 'BACKEND_UNKNOWN', holdMs: T + 1500 },
  { name: 'timeout after commit', spec: { mode: 'timeout', delay_ms: T + 300 }, commits: true, kind: 'unknown', code: 'BACKEND_UNKNOWN', holdMs: T + 300 },
  { name: 'reset before commit', spec: { mode: 'reset' }, commits: false, kind: 'unknown', code: 'BACKEND_UNKNOWN' },
  { name: 'reset after commit', spec: { mode: 'reset', commit: true }, commits: true, kind: 'unknown', code: 'BACKEND_UNKNOWN' },
  { name: '5xx (503)', spec: { mode: 'http_5xx', status: 503 }, commits: false, kind: 'unknown', code: 'BACKEND_UNKNOWN' },
  { name: 'garbage body', spec: { mode: 'garbage' }, commits: true, kind: 'unknown', code: 'BACKEND_BAD_RESPONSE' },
  bank('A0007', 'unknown', true, 'BANK_NO_RESPONSE'),
  bank('A0017', 'rejected', false, 'BANK_TIMEOUT_REJECTED'),
  bank('311', 'rejected', false, 'BANK_TIMEOUT_REJECTED'),
  bank('A0001', 'unknown', true, 'BANK_PROCESSING'),
  bank('400', 'unknown', true, 'BANK_PROCESSING'),
  bank('A0326', 'unknown', false, 'DUPLICATE_TRANSACTION'),
  bank('A0316', 'rejected', false, 'CONSENT_INFO_EXPIRED'),
  bank('A0319', 'rejected', false, 'CONSENT_WITHDRAWAL_EXPIRED'),
];

export type Outcome = 'approved' | 'failed' | 'unknown';

/** A payment step: the checkout's first answer, its settled status, and how often the customer was charged. */
export interface PaymentExpect {
  first: Outcome;
  final: 'approved' | 'failed';
  charged: 0 | 1;
  /** The code of the first answer. */
  code: ErrorCode | null;
}
/** Registration: the error the cashier sees; then a retry without the fault saves the store once. */
export interface RegisterExpect {
  code: ErrorCode;
}

export interface StepDef {
  name: string;
  /** Simulator route (as registered) and method the fault is put on. */
  path: string;
  method: 'GET' | 'POST';
  /** Times the fault fires (look-ups are retried, so they get it more than once). */
  count: number;
  drive: 'register' | 'checkout';
  /** Faults put first, to make the step happen (a look-up needs an unknown outcome). */
  setup?: readonly Record<string, unknown>[];
  expect(f: FaultDef): PaymentExpect | RegisterExpect;
}

/** An unknown outcome that was approved: the look-up decides (approve's answer lost after the commit). */
const LOST_APPROVAL = { path: '/pay/success', method: 'POST', mode: 'reset', commit: true, count: 1 };

export const STEPS: readonly StepDef[] = [
  {
    name: 'register',
    path: '/pay/store/token',
    method: 'POST',
    count: 1,
    drive: 'register',
    expect: (f) => ({ code: f.kind === 'rejected' ? f.code : 'STORE_REGISTRATION_UNCONFIRMED' }),
  },
  {
    name: 'ready',
    path: '/pay',
    method: 'POST',
    count: 1,
    drive: 'checkout',
    // A ready that never landed (or lands after the look-up said "not found") cannot be charged: no approve is sent.
    expect: (f) =>
      f.kind === 'rejected' ? { first: 'failed', final: 'failed', charged: 0, code: f.code } : { first: 'unknown', final: f.commits === true ? 'approved' : 'failed', charged: f.commits === true ? 1 : 0, code: 'BACKEND_UNKNOWN' },
  },
  {
    name: 'approve',
    path: '/pay/success',
    method: 'POST',
    count: 1,
    drive: 'checkout',
    // Unknown → looked up: approved, or still READY and approved again (idempotent: a late duplicate is ignored).
    expect: (f) => (f.kind === 'rejected' ? { first: 'failed', final: 'failed', charged: 0, code: f.code } : { first: 'unknown', final: 'approved', charged: 1, code: 'BACKEND_UNKNOWN' }),
  },
  {
    name: 'lookup',
    path: '/pay/status',
    method: 'GET',
    count: 2,
    drive: 'checkout',
    setup: [LOST_APPROVAL],
    // Whatever the look-up suffers, it is asked again: a charged payment is never called failed.
    expect: () => ({ first: 'unknown', final: 'approved', charged: 1, code: 'BACKEND_UNKNOWN' }),
  },
];
