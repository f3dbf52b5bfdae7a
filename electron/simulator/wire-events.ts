/**
 * Opt-in test hook (issue 10, kills on the wire): the simulator tells its owner when a merchant or
 * phone request of a payment step has been received (body parsed, nothing done yet) and when its
 * effects are committed and durable (just before the answer is written). The kill test SIGKILLs the
 * terminal at exactly these points. Off unless SimulatorOptions.onWire is given.
 */
export type WireStep = 'ready' | 'approve' | 'cancel' | 'lookup';
export type WirePhase = 'received' | 'committed';
export interface WireEvent {
  step: WireStep;
  phase: WirePhase;
  dialect: 'oneqpay' | 'kakaopay';
  method: string;
  path: string;
  status?: number;
}

const RULES: readonly { method: string; re: RegExp; step: WireStep; dialect: WireEvent['dialect'] }[] = [
  { method: 'POST', re: /^\/pay$/, step: 'ready', dialect: 'oneqpay' },
  { method: 'POST', re: /^\/pay\/success$/, step: 'approve', dialect: 'oneqpay' },
  { method: 'POST', re: /^\/pay\/oneq\/transfer\/approve$/, step: 'approve', dialect: 'oneqpay' },
  { method: 'POST', re: /^\/pay\/cancel$/, step: 'cancel', dialect: 'oneqpay' },
  { method: 'GET', re: /^\/pay\/status$/, step: 'lookup', dialect: 'oneqpay' },
  { method: 'POST', re: /^(\/online)?\/v1\/payment\/ready$/, step: 'ready', dialect: 'kakaopay' },
  { method: 'POST', re: /^(\/online)?\/v1\/payment\/approve$/, step: 'approve', dialect: 'kakaopay' },
  { method: 'POST', re: /^\/kakaopay\/m\/[^/]+\/approve$/, step: 'approve', dialect: 'kakaopay' },
  { method: 'POST', re: /^(\/online)?\/v1\/payment\/cancel$/, step: 'cancel', dialect: 'kakaopay' },
  { method: 'ANY', re: /^(\/online)?\/v1\/payment\/order$/, step: 'lookup', dialect: 'kakaopay' },
];

/** The payment step a request belongs to, or null (wallet, admin, pages, quit…). */
export function wireStep(method: string, url: string): Omit<WireEvent, 'phase'> | null {
  const path = url.split('?')[0]!;
  const r = RULES.find((x) => (x.method === 'ANY' || x.method === method) && x.re.test(path));
  return r ? { step: r.step, dialect: r.dialect, method, path } : null;
}
