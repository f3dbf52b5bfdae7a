/**
 * The terminal's view of a payment backend. Implemented over HTTP (axios) for every backend,
 * the embedded simulator included: there is no in-process shortcut.
 */
import type { ErrorCode } from '../../../../shared/domain/errors';

export interface RegisterStoreRequest {
  businessNo: string;
  name: string;
  phone: string;
  address1: string;
  address2: string;
  postNo: string;
}
export interface RegisterStoreResponse {
  cid: string;
  createdAt: string;
  categoryCd: number;
  approvedAt: string;
}
export interface ReadyRequest {
  cid: string;
  categoryCd: number;
  storeName: string;
  itemName: string;
  memberId: string;
  orderId: string;
  quantity: number;
  amount: number;
  /** Customer-presented QR text (extension of the OneQ Pay spec: identifies customer and method). */
  qrToken: string;
  approvalUrl: string;
  cancelUrl: string;
  failUrl: string;
}
export interface ReadyResponse {
  tid: string;
  nextRedirectUrl: string;
  androidAppScheme: string;
  approvedAt: string;
}
export interface ApproveRequest {
  cid: string;
  orderId: string;
  categoryCd: number;
  storeName: string;
  itemName: string;
  memberId: string;
  amount: number;
  /** "YYYY.MM.DD HH:mm:ss", Seoul time. */
  tranDt: string;
  /** Extension: when sent, must match the tid of the order's ready call. */
  tid: string;
}
export interface ApproveResponse {
  tid: string;
  cid: string;
  orderId: string;
  memberId: string;
  paymentMethodType: string;
  itemName: string;
  amount: number;
  tranDt: string;
}
export type RemoteStatus = 'READY' | 'APPROVED' | 'FAILED' | 'CANCELLED';
export interface LookupResponse {
  tid: string;
  cid: string;
  orderId: string;
  status: RemoteStatus;
  amount: number;
  paymentMethodType: string | null;
  tranDt: string | null;
}

export interface PaymentGateway {
  registerStore(req: RegisterStoreRequest): Promise<RegisterStoreResponse>;
  ready(req: ReadyRequest): Promise<ReadyResponse>;
  approve(req: ApproveRequest): Promise<ApproveResponse>;
  /** Status of an order, to resolve "unknown" outcomes. Rejects with PAYMENT_NOT_FOUND when the backend never saw it. */
  lookup(cid: string, orderId: string): Promise<LookupResponse>;
  /** Round-trip time in ms of a cheap call; rejects when unreachable. */
  ping(): Promise<number>;
}

/**
 * How a call failed, which decides what the terminal may conclude:
 * - rejected:    the backend answered with an error: nothing happened (code says why)
 * - unreachable: the request never reached the backend (connection refused, DNS): nothing happened
 * - unknown:     the request may have been processed (timeout, reset, 5xx, garbage body): look it up
 */
export type GatewayFailureKind = 'rejected' | 'unreachable' | 'unknown';

export class GatewayError extends Error {
  constructor(
    readonly kind: GatewayFailureKind,
    readonly code: ErrorCode,
    readonly detail: string,
    readonly httpStatus?: number,
  ) {
    super(`${kind} ${code}: ${detail}`);
    this.name = 'GatewayError';
  }
}
