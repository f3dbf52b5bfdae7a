/**
 * Errors are values with codes the cashier can act on. Every code has a Korean and an English
 * message here, used by the renderer and by the simulator's JSON errors alike.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { ko: '입력값을 확인해 주세요.', en: 'Please check the input.' },
  UNKNOWN_METHOD: { ko: '지원하지 않는 요청입니다.', en: 'Unsupported request.' },
  FORBIDDEN: { ko: '허용되지 않은 요청입니다.', en: 'Request not allowed.' },
  INTERNAL: { ko: '내부 오류가 발생했습니다. 기록은 보존되었습니다.', en: 'Internal error. Records are kept.' },
  BUSINESS_NO_INVALID: { ko: '사업자등록번호가 올바르지 않습니다 (검증번호 불일치).', en: 'Invalid business registration number (check digit).' },
  AMOUNT_INVALID: { ko: '결제 금액은 1원 이상 1억원 이하의 정수여야 합니다.', en: 'Amount must be a whole number from ₩1 to ₩100,000,000.' },
  CART_EMPTY: { ko: '결제할 상품이 없습니다.', en: 'No items to pay for.' },
  QR_EMPTY: { ko: 'QR 코드를 스캔해 주세요.', en: 'Please scan a QR code.' },
  QR_TOO_LONG: { ko: '결제 QR이 아닙니다 (너무 깁니다).', en: 'Not a payment QR (too long).' },
  QR_NOT_TEXT: { ko: '결제 QR이 아닙니다 (잘못된 문자).', en: 'Not a payment QR (invalid characters).' },
  QR_UNKNOWN_FORMAT: { ko: '결제 QR이 아닙니다. 고객의 결제 QR을 스캔해 주세요.', en: "Not a payment QR. Scan the customer's payment QR." },
  QR_UNSUPPORTED_VERSION: { ko: '지원하지 않는 QR 버전입니다. 앱을 업데이트해 주세요.', en: 'Unsupported QR version. Please update the app.' },
  QR_CHECKSUM: { ko: 'QR이 잘못 읽혔습니다. 다시 스캔해 주세요.', en: 'The QR was misread. Please scan again.' },
  QR_UNKNOWN: { ko: '등록되지 않은 결제 QR입니다. 고객 앱에서 QR을 새로 발급해 주세요.', en: 'Unknown payment QR. Ask the customer to refresh the QR.' },
  QR_EXPIRED: { ko: 'QR 유효시간이 지났습니다. 고객 앱에서 QR을 새로 발급해 주세요.', en: 'The QR has expired. Ask the customer to refresh it.' },
  QR_USED: { ko: '이미 사용된 QR입니다. 고객 앱에서 QR을 새로 발급해 주세요.', en: 'The QR was already used. Ask the customer to refresh it.' },
  STORE_NOT_REGISTERED: { ko: '가맹점 등록이 필요합니다.', en: 'Register the store first.' },
  STORE_NOT_FOUND: { ko: '등록되지 않은 가맹점 코드입니다.', en: 'Unknown merchant code (cid).' },
  BACKEND_UNREACHABLE: { ko: '결제 서버에 연결할 수 없습니다. 결제는 진행되지 않았습니다.', en: 'Cannot reach the payment server. No payment was made.' },
  BACKEND_UNKNOWN: { ko: '결제 결과 확인 중입니다. 고객에게 잠시 기다려 달라고 안내하고, 재결제하지 마세요.', en: 'Checking the payment result. Ask the customer to wait; do not charge again.' },
  BACKEND_BAD_RESPONSE: { ko: '결제 서버 응답이 올바르지 않습니다.', en: 'The payment server sent an invalid response.' },
  BACKEND_REJECTED: { ko: '결제 서버가 요청을 거절했습니다.', en: 'The payment server rejected the request.' },
  INSUFFICIENT_BALANCE: { ko: '잔액이 부족합니다. 다른 결제수단을 요청해 주세요.', en: 'Insufficient balance. Ask for another payment method.' },
  PAYMENT_NOT_FOUND: { ko: '결제 건을 찾을 수 없습니다.', en: 'Payment not found.' },
  AMOUNT_MISMATCH: { ko: '결제 요청 금액과 승인 금액이 다릅니다.', en: 'Approval amount differs from the requested amount.' },
  DUPLICATE_ORDER: { ko: '이미 처리된 주문번호입니다.', en: 'This order id was already used.' },
  PAYMENT_IN_PROGRESS: { ko: '처리 중인 결제가 있습니다. 결과를 확인한 뒤 진행해 주세요.', en: 'A payment is in progress. Check its result first.' },
  PAYMENT_STATE: { ko: '이 결제는 지금 처리할 수 없는 상태입니다.', en: 'The payment is not in a state that allows this.' },
  SIMULATOR_ONLY: { ko: '내장 시뮬레이터에서만 사용할 수 있습니다.', en: 'Only available with the embedded simulator.' },
  QR_TAMPERED: { ko: '위조되었거나 변조된 결제 QR입니다. 결제를 진행하지 마세요.', en: 'Forged or altered payment QR. Do not proceed.' },
  METHOD_NOT_ALLOWED: { ko: '이 결제수단은 사용할 수 없습니다. 다른 결제수단을 요청해 주세요.', en: 'This payment method is not accepted here. Ask for another one.' },
  ACCOUNT_INACTIVE: { ko: '사용할 수 없는 계좌입니다 (비활성). 다른 결제수단을 요청해 주세요.', en: 'The account is inactive. Ask for another payment method.' },
  CARD_INACTIVE: { ko: '사용할 수 없는 카드입니다 (비활성). 다른 결제수단을 요청해 주세요.', en: 'The card is inactive. Ask for another payment method.' },
  CARD_EXPIRED: { ko: '유효기간이 지난 카드입니다. 다른 결제수단을 요청해 주세요.', en: 'The card has expired. Ask for another payment method.' },
  CREDIT_LIMIT_EXCEEDED: { ko: '카드 한도가 부족합니다. 다른 결제수단을 요청해 주세요.', en: 'Not enough credit limit left. Ask for another payment method.' },
  BILLING_DAY_BALANCE: { ko: '카드 결제일이라 연결계좌 잔액을 확인했으나 부족합니다. 다른 결제수단을 요청해 주세요.', en: "It is the card's billing day and the linked account balance is too low. Ask for another payment method." },
  CONSENT_INFO_EXPIRED: { ko: '금융정보 제3자 제공 동의가 만료되었습니다 (A0316). 고객 앱에서 다시 동의해야 합니다.', en: 'Consent to share financial information has expired (A0316). The customer must consent again in the app.' },
  CONSENT_WITHDRAWAL_EXPIRED: { ko: '출금 동의가 만료되었습니다 (A0319). 고객 앱에서 다시 동의해야 합니다.', en: 'Withdrawal consent has expired (A0319). The customer must consent again in the app.' },
  BANK_NO_RESPONSE: { ko: '은행 처리시간이 초과되었습니다 (A0007). 결과를 확인 중이니 재결제하지 마세요.', en: 'The bank did not answer in time (A0007). Checking the result; do not charge again.' },
  BANK_TIMEOUT_REJECTED: { ko: '은행 응답시간이 초과되어 거래가 거절되었습니다 (A0017). 다시 시도해 주세요.', en: 'The bank timed out and the transaction was declined (A0017). Please try again.' },
  BANK_PROCESSING: { ko: '은행에서 처리 중입니다 (A0001). 결과를 확인 중이니 재결제하지 마세요.', en: 'The bank is still processing (A0001). Checking the result; do not charge again.' },
  DUPLICATE_TRANSACTION: { ko: '이미 접수된 거래입니다 (A0326). 처음 거래의 결과를 확인합니다.', en: 'This transaction was already received (A0326). Checking the first one\'s result.' },
  MERCHANT_AUTH_FAILED: { ko: '가맹점 인증에 실패했습니다. 가맹점 키(cid_secret)를 확인해 주세요.', en: 'Merchant authentication failed. Check the merchant key (cid_secret).' },
  PAYMENT_EXPIRED: { ko: '결제 유효시간이 지났습니다. 처음부터 다시 결제해 주세요.', en: 'The payment request has expired. Start the payment again.' },
  PAYMENT_NOT_AUTHORIZED: { ko: '고객의 결제 인증이 완료되지 않았습니다.', en: 'The customer has not authorized the payment.' },
  CUSTOMER_QUIT: { ko: '고객이 결제를 취소했습니다.', en: 'The customer cancelled the payment.' },
  CUSTOMER_AUTH_FAILED: { ko: '고객의 결제 비밀번호 인증에 실패했습니다.', en: "The customer's payment password check failed." },
  REFUND_UNKNOWN: { ko: '취소 결과 확인 중입니다. 같은 건을 다시 취소하지 마세요.', en: 'Checking the cancel result. Do not cancel this payment again.' },
  REFUND_IN_PROGRESS: { ko: '처리 중인 취소가 있습니다. 결과를 확인한 뒤 진행해 주세요.', en: 'A cancel of this payment is in progress. Check its result first.' },
  CANCEL_AMOUNT_EXCEEDED: { ko: '취소 금액이 취소 가능 금액을 초과합니다.', en: 'The cancel amount exceeds the amount that can still be cancelled.' },
  STORE_REGISTRATION_UNCONFIRMED: {
    ko: '가맹점 등록 결과를 확인하지 못했습니다. 잠시 후 다시 등록해 주세요 (같은 사업자등록번호는 한 번만 등록됩니다).',
    en: 'Could not confirm the store registration. Please register again shortly (a business number is registered only once).',
  },
  DATA_DIR_READONLY: {
    ko: '데이터 폴더에 쓸 수 없습니다 (읽기 전용이거나 권한이 없습니다). 결제 기록을 남길 수 없어 결제를 시작하지 않습니다. 기존 기록은 그대로입니다. 폴더 권한이나 저장 장치를 확인해 주세요.',
    en: 'The data folder cannot be written (read-only or no permission). Payments cannot be recorded, so none are started. Existing records are unchanged. Check the folder permissions or the drive.',
  },
  DISK_FULL: {
    ko: '저장 공간이 부족하여 결제 기록을 저장할 수 없습니다. 기존 기록은 그대로입니다. 공간을 확보한 뒤 앱을 다시 시작해 주세요 (진행 중이던 결제는 시작할 때 확인합니다).',
    en: 'The disk is full: payments cannot be recorded. Existing records are unchanged. Free up space and restart the app (a payment in progress is checked at start).',
  },
  // Customer display / merchant-presented QR (issue 7)
  PAYMENT_CANCELLED: { ko: '결제 요청을 취소했습니다. 고객에게 청구되지 않았습니다.', en: 'The payment request was cancelled. The customer was not charged.' },
  // ledger: settlement (일마감) and export
  DAY_ALREADY_CLOSED: { ko: '이미 마감한 날입니다. 마감 내역은 바꿀 수 없습니다.', en: 'This day is already closed. A closed report cannot change.' },
  DAY_CLOSE_WARNINGS: { ko: '확인이 필요한 거래나 인쇄되지 않은 영수증이 있습니다. 확인한 뒤 다시 마감해 주세요.', en: 'Some payments still need checking or receipts did not print. Review them, then close again.' },
  DAY_NOT_STARTED: { ko: '아직 오지 않은 날은 마감할 수 없습니다.', en: 'A day that has not started cannot be closed.' },
  // issue 10: approval cross-check
  APPROVAL_MISMATCH: {
    ko: '결제 서버가 이 주문과 다른 승인(금액·주문번호·거래번호·가맹점)을 보냈습니다. 승인으로 기록하지 않았습니다. 결제 서버(관리자 화면)에서 해당 거래를 취소하거나, 다시 확인해 주세요.',
    en: 'The payment server approved something other than this order (amount, order id, tid or merchant). It was not recorded as approved. Cancel that transaction at the payment server (its admin page), or check again.',
  },
  // issue 10: receipts
  PRINT_CONFIRM_REQUIRED: {
    ko: '이 영수증은 이미 프린터에 전달되었습니다. 용지를 확인한 뒤 다시 인쇄를 확인해 주세요.',
    en: 'This receipt already reached the printer. Check the paper, then confirm printing again.',
  },
  // issue 11: the entry row and the cart, said where the cashier looks
  PRICE_NOT_NUMBER: { ko: '단가는 숫자로만 입력해 주세요 (예: 4500).', en: 'Type the price in digits only (e.g. 4500).' },
  PRICE_ZERO: { ko: '0원 상품은 담을 수 없습니다. 단가를 입력해 주세요.', en: 'A ₩0 item cannot be added. Type its price.' },
  PRICE_TOO_HIGH: { ko: '단가는 1억원(100,000,000원)까지 입력할 수 있습니다.', en: 'A price can be at most ₩100,000,000.' },
  QTY_INVALID: { ko: '수량은 1부터 999까지 입력해 주세요.', en: 'Quantity must be from 1 to 999.' },
  CART_OVER_LIMIT: { ko: '합계가 1억원을 넘어 한 번에 결제할 수 없습니다. 상품을 빼거나 나누어 결제해 주세요.', en: 'The total is over ₩100,000,000, the most one payment can be. Remove items or split the sale.' },
  // issue 11: web shell access
  WEB_ACCESS_MISSING: {
    ko: '이 브라우저에는 아직 접속 권한이 없습니다. 단말기에서 npm run start:web 을 실행했을 때 출력된 주소(http://127.0.0.1:…/#token=…)를 이 브라우저에서 여세요. 단말기 프로그램을 다시 시작했다면 새로 출력된 주소가 필요합니다.',
    en: 'This browser has no access yet. Open the address that npm run start:web printed (http://127.0.0.1:…/#token=…) in this browser. After a restart of the terminal program, use the newly printed address.',
  },
  // issue 12: catalog, product barcodes, catalog CSV
  CATALOG_NAME_INVALID: { ko: '이름을 확인해 주세요 (비어 있거나 너무 깁니다: 상품명은 한글 20자/영문 40자까지).', en: 'Check the name (empty or too long: a product name fits 40 columns, Hangul counts 2).' },
  CATALOG_PRICE_INVALID: { ko: '가격은 1원 이상 1억원 이하의 정수여야 합니다.', en: 'A price must be a whole number from ₩1 to ₩100,000,000.' },
  CATALOG_OPTION_INVALID: { ko: '옵션을 확인해 주세요 (선택 수, 중복, 옵션 적용 후 가격이 0원 이하).', en: 'Check the options (choice counts, duplicates, or a price of ₩0 or less after options).' },
  CATALOG_BARCODE_DUPLICATE: { ko: '이미 다른 상품에 등록된 바코드입니다.', en: 'This barcode is already registered to another product.' },
  CATALOG_NOT_FOUND: { ko: '메뉴에서 찾을 수 없습니다 (삭제되었거나 보관된 항목).', en: 'Not found in the menu (removed or archived).' },
  CATALOG_NOT_EMPTY: { ko: '메뉴가 이미 있습니다. 데모 메뉴는 빈 메뉴에만 불러올 수 있습니다.', en: 'The menu is not empty. The demo menu loads only into an empty menu.' },
  CATALOG_PRICE_CHANGED: { ko: '메뉴 가격이나 옵션이 바뀌었습니다. 장바구니에서 지우고 다시 담아 주세요.', en: 'The menu price or options changed. Remove the line and add it again.' },
  PRODUCT_SOLD_OUT: { ko: '품절된 상품입니다.', en: 'This product is sold out.' },
  BARCODE_UNKNOWN: { ko: '등록되지 않은 바코드입니다 (결제 QR이 아닙니다). F6으로 상품에 등록할 수 있습니다.', en: 'Unregistered barcode (not a payment QR). Press F6 to register it to a product.' },
  BARCODE_CHECK_DIGIT: { ko: '바코드가 잘못 읽혔습니다 (검증 숫자 불일치). 다시 스캔해 주세요.', en: 'The barcode was misread (check digit). Please scan again.' },
  BARCODE_INVALID: { ko: '바코드로 쓸 수 없는 값입니다 (숫자·영문 48자 이내).', en: 'Not a usable barcode (up to 48 letters and digits).' },
  CSV_ENCODING: { ko: 'CSV 파일의 인코딩을 알 수 없습니다. UTF-8(BOM) 또는 CP949(엑셀 기본)로 저장해 주세요.', en: 'Unknown CSV encoding. Save it as UTF-8 (with BOM) or CP949 (Excel default in Korea).' },
  CSV_COLUMNS: { ko: 'CSV 머리글에 필요한 열이 없습니다.', en: 'The CSV header is missing required columns.' },
  CSV_TOO_MANY_ROWS: { ko: 'CSV 행이 너무 많습니다 (최대 2,000행). 나누어 가져와 주세요.', en: 'Too many CSV rows (at most 2,000). Import it in parts.' },
  CSV_ROWS_INVALID: { ko: 'CSV에 잘못된 행이 있어 아무것도 가져오지 않았습니다. 오류 목록을 확인해 주세요.', en: 'The CSV has invalid rows, so nothing was imported. See the list of errors.' },
  // issue 13: cash, split tender, 현금영수증, drawer sessions
  ILLEGAL_TRANSITION: { ko: '지금 상태에서는 할 수 없는 처리입니다. 기록은 그대로입니다.', en: 'Not allowed in the current state. Records are unchanged.' },
  ORDER_NOT_FOUND: { ko: '주문을 찾을 수 없습니다.', en: 'Order not found.' },
  ORDER_STATE: { ko: '이 주문은 이미 완료되었거나 취소되었습니다.', en: 'This order is already completed or voided.' },
  ORDER_OPEN: { ko: '결제가 끝나지 않은 주문이 있습니다. 결제를 마치거나 주문을 취소한 뒤 마감해 주세요.', en: 'An order is still open. Finish or void it before closing.' },
  ORDER_VOID_QR_APPROVED: { ko: 'QR로 승인된 금액이 있어 주문을 취소할 수 없습니다. 남은 금액을 받거나 내역에서 QR 결제를 먼저 취소해 주세요.', en: 'Part of this order was approved by QR. Take the rest, or cancel the QR payment in History first.' },
  CASH_RECEIVED_SHORT: { ko: '받은 금액이 현금으로 받을 금액보다 적습니다.', en: 'The cash received is less than the amount due in cash.' },
  TENDER_EXCEEDS_DUE: { ko: '남은 결제 금액보다 큰 금액입니다.', en: 'The amount is more than what is left to pay.' },
  REFUND_EXCEEDS_TENDER: { ko: '이 결제수단으로 환불할 수 있는 금액을 넘었습니다.', en: 'More than can still be refunded on this tender.' },
  DRAWER_NOT_OPEN: { ko: '개점(시재 입력) 후에 판매할 수 있습니다.', en: 'Open the drawer (enter the float) before selling.' },
  DRAWER_ALREADY_OPEN: { ko: '이미 개점된 세션이 있습니다.', en: 'A drawer session is already open.' },
  DRAWER_UNSETTLED: { ko: '확인 중인 결제 또는 현금영수증이 있어 마감할 수 없습니다. 다시 확인해 주세요.', en: 'A payment or cash receipt is still being checked. Check again before closing.' },
  DRAWER_COUNT_INVALID: { ko: '수량은 0 이상의 정수로 입력해 주세요.', en: 'Counts must be whole numbers, 0 or more.' },
  CASH_AMOUNT_INVALID: { ko: '금액은 0원 이상 1억원 이하의 정수로 입력해 주세요.', en: 'Enter a whole number from ₩0 to ₩100,000,000.' },
  REASON_REQUIRED: { ko: '사유를 입력해 주세요.', en: 'Enter a reason.' },
  CASH_RECEIPT_ID_INVALID: { ko: '휴대전화번호, 현금영수증 카드번호 또는 사업자등록번호가 올바르지 않습니다.', en: 'Not a valid phone number, cash receipt card number or business number.' },
  CASH_RECEIPT_UNKNOWN: { ko: '현금영수증 발급 결과 확인 중입니다. 다시 발급하지 마세요.', en: 'Checking the cash receipt result. Do not issue it again.' },
  CASH_RECEIPT_NOT_FOUND: { ko: '현금영수증을 찾을 수 없습니다.', en: 'Cash receipt not found.' },
  CASH_RECEIPT_EXISTS: { ko: '이 주문의 현금영수증은 이미 요청되었습니다.', en: 'A cash receipt was already requested for this order.' },
  // issue 14: head office sync, ledger loss
  HEADOFFICE_REFUSED: { ko: '본사가 요청을 거절했습니다 (등록 코드가 틀렸거나 이미 사용되었거나 만료되었습니다). 본사 화면에서 새 코드를 받아 주세요.', en: 'The head office refused (the enrollment code is wrong, already used or expired). Get a new code from the head office dashboard.' },
  HEADOFFICE_UNREACHABLE: { ko: '본사에 연결할 수 없습니다. 주소와 네트워크를 확인해 주세요. 판매는 계속할 수 있습니다.', en: 'Cannot reach the head office. Check the address and the network. Sales can go on.' },
  LEDGER_LOST: { ko: '결제 기록(원장)이 없거나 손상되었거나 최신이 아닙니다. 새 단말기로 시작하지 않습니다: 본사 또는 백업에서 복구해 주세요.', en: 'The ledger is missing, damaged or behind. The terminal does not start as new: restore it from the head office or a backup.' },
  // issue 14: restore chosen on screen
  LEDGER_RESTORE_FAILED: { ko: '복구하지 못했습니다. 다시 시도하거나 다른 복구 방법을 선택해 주세요.', en: 'The restore did not succeed. Try again or choose the other source.' },
  LEDGER_NOT_LOST: { ko: '원장에 문제가 없어 복구할 것이 없습니다.', en: 'The ledger is fine: there is nothing to restore.' },
} as const satisfies Record<string, { ko: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export interface PosErrorShape {
  code: ErrorCode;
  /** Developer detail (English): which field, which status. Not shown as the main message. */
  detail?: string | undefined;
}

export function isErrorCode(s: unknown): s is ErrorCode {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, s);
}

export function errorMessage(code: ErrorCode, lang: 'ko' | 'en'): string {
  return ERROR_MESSAGES[code][lang];
}

/** Thrown inside the core; crosses the boundary as a PosErrorShape value. */
export class PosError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'PosError';
  }
  toShape(): PosErrorShape {
    return this.detail === undefined ? { code: this.code } : { code: this.code, detail: this.detail };
  }
}
