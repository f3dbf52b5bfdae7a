/**
 * The fields of a ready (결제 준비) call that every flow sends the same way, from the store and the
 * payment already recorded in the ledger: the customer-presented QR flow adds its qrToken, the
 * merchant-presented flow sends these as they are.
 */
import type { Payment, StoreProfile } from '../../../../shared/contract';
import type { PhoneReadyRequest } from '../gateway/gateway';

/** member_id of the walk-in customer (the terminal does not know who pays). */
export const MEMBER_ID = 'guest';

export function readyRequest(store: StoreProfile, p: Payment): PhoneReadyRequest {
  return {
    cid: store.cid,
    categoryCd: store.categoryCd,
    storeName: store.name,
    itemName: p.itemName,
    memberId: MEMBER_ID,
    orderId: p.orderId,
    quantity: p.quantity,
    amount: p.amount,
    taxFreeAmount: p.taxFree, // the backend's tax-free part: a later cancel's cancel_tax_free_amount is checked against it
    approvalUrl: `app://pos/pay/approval?order_id=${p.orderId}`,
    cancelUrl: `app://pos/pay/cancel?order_id=${p.orderId}`,
    failUrl: `app://pos/pay/fail?order_id=${p.orderId}`,
  };
}
