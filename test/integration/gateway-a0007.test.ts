/**
 * A0007 (the bank did not answer: the outcome is open) is "unknown, look it up" however it arrives — in a
 * 504, a 200 body or a 4xx body, by the body's code or only by its Open Banking rsp_code — never a rejection
 * (which would let the terminal call failed a payment the bank may have done). Expectations written here.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../electron/core/services/gateway/create-gateway';
import { GatewayError } from '../../electron/core/services/gateway/gateway';

let server: Server;
let url = '';
let reply: { status: number; body: unknown } = { status: 504, body: {} };
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const APPROVE = { cid: 'OQ12345678', orderId: 'T-1', categoryCd: 552101, storeName: '하나카페', itemName: '아메리카노', memberId: 'guest', amount: 4500, tranDt: '2026.11.22 10:00:05', tid: '20261122000001' };
const a0007 = { code: 'BANK_NO_RESPONSE', message: '은행 처리시간 초과', message_en: 'no response from the bank', rsp_code: 'A0007' };
const onlyRsp = { code: 'BACKEND_REJECTED', message: '거절', message_en: 'rejected', rsp_code: 'A0007' };

async function failure(): Promise<{ kind: string; code: string }> {
  const gw = createGateway({ dialect: 'oneqpay', baseUrl: url, timeoutMs: 2000 });
  try {
    await gw.approve(APPROVE);
  } catch (e) {
    if (e instanceof GatewayError) return { kind: e.kind, code: e.code };
    throw e;
  }
  throw new Error('approve resolved');
}

describe('A0007 on approve, wherever it arrives', () => {
  it.each([
    [504, a0007],
    [200, a0007],
    [202, a0007],
    [400, a0007],
    [409, a0007],
    [424, a0007],
    [200, onlyRsp],
    [400, onlyRsp],
    [403, onlyRsp],
  ])('HTTP %i with %o → unknown BANK_NO_RESPONSE', async (status, body) => {
    reply = { status, body };
    expect(await failure()).toEqual({ kind: 'unknown', code: 'BANK_NO_RESPONSE' });
  });

  it('a plain refusal stays a refusal (A0017 at 424: nothing done)', async () => {
    reply = { status: 424, body: { code: 'BANK_TIMEOUT_REJECTED', message: '거절', message_en: 'declined', rsp_code: 'A0017' } };
    expect(await failure()).toEqual({ kind: 'rejected', code: 'BANK_TIMEOUT_REJECTED' });
  });
});
