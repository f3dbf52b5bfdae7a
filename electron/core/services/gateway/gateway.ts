/**
 * The terminal's view of a payment backend. Implemented over HTTP (axios) for every backend,
 * the embedded simulator included: there is no in-process shortcut.
 */
import type { PaymentInstrument } from '../../../../shared/contract-instrument';
import type { ErrorCode } from '../../../../shared/domain/errors';

export interface RegisterStoreRequest {
  businessNo: string;
  name: string;
  phone: string;
  address1: string;
  address2: string;
  postNo: string;
  /** Extension: proof on re-registration when the terminal holds no key (the code shown at the first registration). */
  enrollmentCode?: string;
  /** Extension (issue 11): the 업종 (국세청 업종코드) the merchant asks for; the answer's categoryCd is what counts. */
  categoryCd?: number;
}
export interface RegisterStoreResponse {
  cid: string;
  createdAt: string;
  categoryCd: number;
  approvedAt: string;
  /** Extension: the merchant key (24 chars). Keep it (safeStorage) and pass it as credentials. */
  cidSecret?: string;
  /** Extension: the Kakao dialect's admin key (32 hex), an alternative to cidSecret there. */
  adminKey?: string;
  /**
   * Extension: a one-time enrollment code (first registration, or in exchange for a used one). Show it
   * to the merchant once: it proves the store when a terminal without the keys registers it again.
   * Without proof a re-registration answers the cid only (no keys, profile unchanged).
   */
  enrollmentCode?: string;
}
/** What a gateway sends to prove the merchant; see createGateway. */
export interface MerchantCredentials {
  cidSecret?: string | undefined;
  adminKey?: string | undefined;
}
export type GatewayDialect = 'oneqpay' | 'kakaopay';
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
  /** Optional: the tax-free part of amount (Kakao's tax_free_amount; default 0). */
  taxFreeAmount?: number;
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
  /** Kakao dialect: the pg_token of the approval_url redirect, when the caller has it (else the adapter finds it). */
  pgToken?: string;
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
  /** What the backend told about the card or account (Kakao's card_info); absent when it told nothing. */
  instrument?: PaymentInstrument;
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
  /** Cumulative cancelled amount (0 when none or not reported). */
  canceledAmount?: number;
  /** What can still be cancelled. */
  cancelableAmount?: number;
  /** The backend's detailed status (Kakao Pay status values, e.g. PART_CANCEL_PAYMENT, AUTH_PASSWORD). */
  detailStatus?: string;
  /** Card or account details of an approved payment (Kakao's selected_card_info), when the backend gives them. */
  instrument?: PaymentInstrument;
}
export interface CancelRequest {
  cid: string;
  tid: string;
  orderId: string;
  /** This cancel's amount (partial or the rest). */
  cancelAmount: number;
  /** Its tax-free part (0 when the sale had none). */
  cancelTaxFreeAmount: number;
  /** Its VAT; computed by the backend when absent (the last cancel takes the remaining VAT). */
  cancelVatAmount?: number;
  /**
   * Idempotency key (extension, e.g. the ledger's refund id): a retry with the same key after an unknown
   * outcome returns the first result instead of refunding twice. Strongly recommended.
   */
  requestId?: string;
}
export interface CancelResponse {
  tid: string;
  cid: string;
  orderId: string;
  /** APPROVED while part of the payment remains, CANCELLED once all of it is cancelled. */
  status: RemoteStatus;
  /** Id of this cancel action at the backend. */
  aid: string;
  cancelAmount: number;
  cancelTaxFreeAmount: number;
  cancelVatAmount: number;
  /** Cumulative, this cancel included. */
  canceledAmount: number;
  cancelableAmount: number;
  /** UTC ISO-8601. */
  canceledAt: string;
  paymentMethodType: string | null;
}
/** The redirect flow (both dialects): a payment the customer approves on their phone (no customer QR). */
export type PhoneReadyRequest = Omit<ReadyRequest, 'qrToken'>;
export interface PhoneReadyResponse {
  tid: string;
  /** next_redirect_pc_url: a page with a QR for the customer's phone; show it on the customer display. */
  pcUrl: string;
  /** next_redirect_mobile_url: what that QR encodes. */
  mobileUrl: string;
  createdAt: string;
}
export interface WaitOptions {
  /** Gives up (rejected PAYMENT_NOT_AUTHORIZED) after this long; default 5 minutes. */
  timeoutMs?: number;
  /** Between look-ups; default 1000 ms. */
  intervalMs?: number;
  signal?: AbortSignal;
}

export interface PaymentGateway {
  registerStore(req: RegisterStoreRequest): Promise<RegisterStoreResponse>;
  ready(req: ReadyRequest): Promise<ReadyResponse>;
  approve(req: ApproveRequest): Promise<ApproveResponse>;
  /** Status of an order, to resolve "unknown" outcomes. Rejects with PAYMENT_NOT_FOUND when the backend never saw it. */
  lookup(cid: string, orderId: string): Promise<LookupResponse>;
  /** Round-trip time in ms of a cheap call; rejects when unreachable. */
  ping(): Promise<number>;
  /** Which dialect this gateway speaks. */
  readonly dialect?: GatewayDialect;
  /**
   * Full or partial cancel of an approved payment. Cumulative cancels never exceed the approved
   * amount (rejected CANCEL_AMOUNT_EXCEEDED). Unknown outcome → retry with the same requestId or look up.
   */
  cancel(req: CancelRequest): Promise<CancelResponse>;
  /** Status by tid (the other key of the look-up). */
  lookupByTid(cid: string, tid: string): Promise<LookupResponse>;
  /**
   * Ready for the redirect flow (the customer approves on their phone). Kakao: next_redirect_pc_url /
   * next_redirect_mobile_url; OneQ Pay: next_redirect_url / android_app_scheme (extension phone_approval=Y).
   */
  readyForPhone?(req: PhoneReadyRequest): Promise<PhoneReadyResponse>;
  /**
   * Waits until the customer has authorized the tid (then approve() it, with the pg_token in Kakao; OneQ
   * has none: ''), or rejects: CUSTOMER_QUIT, CUSTOMER_AUTH_FAILED, PAYMENT_EXPIRED, PAYMENT_CANCELLED,
   * or PAYMENT_NOT_AUTHORIZED on timeout or abort.
   */
  waitForAuthorization?(cid: string, tid: string, opts?: WaitOptions): Promise<{ pgToken: string }>;
  /**
   * Extension (both simulator dialects; a real Kakao tid simply expires): withdraws a readied tid that is
   * not approved, so the customer's phone can no longer authorize it and approve() fails. Answers the
   * status after it (FAILED, or READY/APPROVED if the backend did not withdraw it); an approved payment
   * rejects PAYMENT_STATE.
   */
  quitReady?(cid: string, tid: string): Promise<LookupResponse>;
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
