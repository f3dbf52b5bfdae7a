/**
 * The receipt's card/account lines from the recorded instrument (issue 10): 결제수단 with the card
 * issuer, 카드번호 (masked again by the receipt model), 할부, 승인번호 (the card approval number),
 * 계좌번호 (masked). Nothing when the backend reported nothing.
 */
import type { PaymentInstrument } from '../../../../shared/contract-instrument';
import type { ReceiptPayment } from '../../../../shared/domain/receipt/receipt-model';

export function receiptInstrument(i: PaymentInstrument | null): Partial<ReceiptPayment> {
  if (!i) return {};
  return {
    ...(i.cardIssuer ? { cardName: i.cardIssuer } : {}),
    ...(i.cardMasked ? { cardNumber: i.cardMasked } : {}),
    ...(i.installMonth !== null ? { installMonths: i.installMonth } : {}),
    ...(i.cardApprovalNo ? { approvalNo: i.cardApprovalNo } : {}),
    ...(i.accountMasked ? { accountNumber: i.accountMasked } : {}),
  };
}
