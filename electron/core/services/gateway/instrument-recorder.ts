/**
 * Keeps what the backend tells about the card or account: a gateway wrapper that records the
 * instrument of an approve answer or of a look-up that found the payment approved, before the
 * payment service sees the answer (so the receipt printed on approval already has it). Recording
 * never fails a payment: a ledger error is logged and the answer passes through unchanged.
 */
import type { PaymentInstrument } from '../../../../shared/contract-instrument';
import type { LookupResponse, PaymentGateway } from './gateway';

export type InstrumentSink = (orderId: string, instrument: PaymentInstrument) => void;

export function recordingInstruments(gw: PaymentGateway, sink: InstrumentSink): PaymentGateway {
  const keep = (orderId: string, i: PaymentInstrument | undefined) => {
    if (!i) return;
    try {
      sink(orderId, i);
    } catch (e) {
      console.error('[payment] could not record the card details', e);
    }
  };
  const looked = (r: LookupResponse) => {
    if (r.status === 'APPROVED' || r.status === 'CANCELLED') keep(r.orderId, r.instrument);
    return r;
  };
  return {
    ...gw,
    approve: async (req) => {
      const r = await gw.approve(req);
      keep(r.orderId, r.instrument);
      return r;
    },
    lookup: async (cid, orderId) => looked(await gw.lookup(cid, orderId)),
    lookupByTid: async (cid, tid) => looked(await gw.lookupByTid(cid, tid)),
  };
}
