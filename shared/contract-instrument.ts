/**
 * What the backend told about the payment instrument (issue 10): Kakao's card_info — issuer,
 * purchaser, masked card number (its BIN only), 할부, the card approval number — or a masked account.
 * Never a full card or account number. OneQ Pay (seed 003) reports only the method type, so its
 * payments have none.
 */
import { z } from 'zod';

export const paymentInstrumentSchema = z.object({
  /** 카드 발급사, e.g. 하나카드. */
  cardIssuer: z.string().nullable(),
  /** 카드 매입사. */
  cardPurchaser: z.string().nullable(),
  /** Masked: the BIN and '*' only (e.g. 123456**********). */
  cardMasked: z.string().nullable(),
  /** '신용' / '체크' as the backend says. */
  cardType: z.string().nullable(),
  /** 0 = 일시불. */
  installMonth: z.number().int().nullable(),
  /** 카드 승인번호 (Kakao's card_info.approved_id). */
  cardApprovalNo: z.string().nullable(),
  /** A masked account number for account payments, when the backend gives one. */
  accountMasked: z.string().nullable(),
});
export type PaymentInstrument = z.infer<typeof paymentInstrumentSchema>;

export const instrumentMethods = {
  /** The card/account details recorded for a payment (null when the backend gave none). */
  getPaymentInstrument: { input: z.object({ id: z.number().int().positive() }).strict(), output: paymentInstrumentSchema.nullable() },
};
