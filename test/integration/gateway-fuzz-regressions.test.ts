/**
 * Counterexamples found by test/property/fuzz-gateway.test.ts, kept as plain examples: one backend
 * answer each, and what the gateway must make of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../electron/core/services/gateway/create-gateway';
import { GatewayError, type GatewayDialect } from '../../electron/core/services/gateway/gateway';
import { TEMPLATES } from '../property/gateway-answers';
import { startScriptedBackend, type ScriptedBackend } from '../property/scripted-backend';

let backend: ScriptedBackend;
beforeAll(async () => {
  backend = await startScriptedBackend();
});
afterAll(() => backend.close());

const CID = 'OQ12345678';
const READY = { cid: CID, categoryCd: 552101, storeName: '하나카페', itemName: '아메리카노', memberId: 'guest', orderId: 'T-1', quantity: 1, amount: 4500, qrToken: 'ONEQ1.AAAAAAAAAAAAAAAA3D', approvalUrl: 'app://a', cancelUrl: 'app://c', failUrl: 'app://f' };
const APPROVE = { cid: CID, orderId: 'T-1', categoryCd: 552101, storeName: '하나카페', itemName: '아메리카노', memberId: 'guest', amount: 4500, tranDt: '2026.11.22 10:00:05', tid: '20261122000001' };
const CANCEL = { cid: CID, tid: '20261122000001', orderId: 'T-1', cancelAmount: 4500, cancelTaxFreeAmount: 0 };

function answer(status: number, value: unknown) {
  backend.play([{ status, contentType: 'application/json', mode: 'normal', bogusGzip: false, body: { kind: 'json', value } }]);
}
const gateway = (dialect: GatewayDialect) => createGateway({ dialect, baseUrl: backend.url, timeoutMs: 3000, credentials: { cidSecret: 'abcdefghijklmnop01234567', adminKey: '0123456789abcdef0123456789abcdef' } });
async function failure(p: Promise<unknown>): Promise<{ type: string; kind?: string; code?: string }> {
  try {
    await p;
    return { type: 'resolved' };
  } catch (e) {
    return e instanceof GatewayError ? { type: 'GatewayError', kind: e.kind, code: e.code } : { type: (e as Error).constructor.name };
  }
}
const template = (path: string) => TEMPLATES[path] as Record<string, unknown>;

describe('gateway: fuzz counterexamples', () => {
  // Was rejected BACKEND_REJECTED-style "nothing happened" with the code that says "checking the result".
  it.each(['oneqpay', 'kakaopay'] as const)('%s: a 4xx whose error code is BACKEND_UNKNOWN / BACKEND_BAD_RESPONSE is unknown, not rejected', async (dialect) => {
    answer(422, { code: 'BACKEND_UNKNOWN', message: '오류', message_en: 'error', detail: 'fuzz' });
    expect(await failure(gateway(dialect).registerStore({ businessNo: '2208162517', name: '하나카페', phone: '02-1234-5678', address1: '서울', address2: '중구', postNo: '' }))).toEqual({ type: 'GatewayError', kind: 'unknown', code: 'BACKEND_UNKNOWN' });
    answer(409, { code: 'BACKEND_BAD_RESPONSE', message: '오류', message_en: 'error' });
    expect(await failure(gateway(dialect).ready(READY))).toEqual({ type: 'GatewayError', kind: 'unknown', code: 'BACKEND_BAD_RESPONSE' });
  });

  // Were a RangeError ("Invalid time value") thrown out of the gateway, or a date silently rolled over.
  it.each([
    ['readyForPhone', '/v1/payment/ready', 'created_at', '0000-00-00T00:00:00'],
    ['cancel', '/v1/payment/cancel', 'canceled_at', '2026-13-45T99:99:99'],
    ['approve', '/v1/payment/approve', 'approved_at', '2026-02-30T10:00:05'],
    ['cancel', '/v1/payment/cancel', 'canceled_at', '0000-01-01T00:00:00'], // was resolved with canceledAt "-000001-12-31T15:00:00.000Z"
  ] as const)('kakaopay %s: 200 with %s %s=%j is unknown BACKEND_BAD_RESPONSE', async (op, path, key, value) => {
    answer(200, { ...template(path), [key]: value });
    const gw = gateway('kakaopay');
    const p = op === 'readyForPhone' ? gw.readyForPhone!(READY) : op === 'cancel' ? gw.cancel(CANCEL) : gw.approve({ ...APPROVE, pgToken: 'pgtoken0123456789' });
    expect(await failure(p)).toEqual({ type: 'GatewayError', kind: 'unknown', code: 'BACKEND_BAD_RESPONSE' });
  });

  // Was resolved with canceledAt "-000001-12-31T15:00:00.000Z" (year -1), outside the contract's UTC ISO times.
  it('oneqpay cancel: canceled_at "0000.01.01 00:00:00" gives an ordinary UTC ISO time (now), like an unparseable one', async () => {
    answer(200, { ...template('/pay/cancel'), canceled_at: '0000.01.01 00:00:00' });
    const r = await gateway('oneqpay').cancel(CANCEL);
    expect(r.canceledAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Math.abs(Date.parse(r.canceledAt) - Date.now())).toBeLessThan(60_000);
  });

  // Were resolved with amount -4500.
  it('kakaopay approve: an order already approved with a negative amount is unknown BACKEND_BAD_RESPONSE', async () => {
    const order = template('/v1/payment/order');
    answer(201, { ...order, amount: { ...(order.amount as object), total: -4500 } });
    expect(await failure(gateway('kakaopay').approve(APPROVE))).toEqual({ type: 'GatewayError', kind: 'unknown', code: 'BACKEND_BAD_RESPONSE' });
  });
  it('oneqpay approve and lookup: a negative amount is unknown BACKEND_BAD_RESPONSE', async () => {
    answer(200, { ...template('/pay/success'), amount: -4500 });
    expect(await failure(gateway('oneqpay').approve(APPROVE))).toEqual({ type: 'GatewayError', kind: 'unknown', code: 'BACKEND_BAD_RESPONSE' });
    answer(200, { ...template('/pay/status'), amount: -1 });
    expect(await failure(gateway('oneqpay').lookup(CID, 'T-1'))).toEqual({ type: 'GatewayError', kind: 'unknown', code: 'BACKEND_BAD_RESPONSE' });
  });
});
