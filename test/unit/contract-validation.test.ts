import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { createRouter, type Handlers } from '../../electron/core/router';
import { PosError } from '../../shared/domain/errors';

const store = {
  businessNo: '2208162517', name: '하나카페', representative: '', phone: '02-1234-5678', address1: '서울 중구', address2: '을지로 35', postNo: '04523',
  cid: 'OQ12345678', categoryCd: 552101, createdAt: '2026.11.22 10:00:00', approvedAt: '2026.11.22 10:00:01', registeredAt: '2026-11-22T01:00:00.000Z',
};

function router(overrides: Partial<Handlers> = {}) {
  const fail = () => {
    throw new Error('handler must not run for invalid input');
  };
  const handlers = Object.fromEntries(METHOD_NAMES.map((m) => [m, vi.fn(fail)])) as unknown as Handlers;
  return { r: createRouter({ ...handlers, ...overrides }), handlers };
}

const item = { name: '아메리카노', unitPrice: 4500, quantity: 1 };
const qrText = 'ONEQ1.ABCDEFGHJKMNPQRSAA';

describe('router validates every call against the contract', () => {
  it('rejects an unknown method', async () => {
    expect(await router().r.call('dropTables', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', detail: 'dropTables' } });
    expect((await router().r.call('__proto__', {})).ok).toBe(false);
  });

  it.each([
    ['registerStore', { ...store, businessNo: '220-81-62518' }, 'BUSINESS_NO_INVALID'],
    ['registerStore', { ...store, businessNo: '12345' }, 'BUSINESS_NO_INVALID'],
    ['registerStore', { ...store, name: '' }, 'VALIDATION_FAILED'],
    ['registerStore', { ...store, name: 'x'.repeat(101) }, 'VALIDATION_FAILED'],
    ['registerStore', { ...store, phone: 'call me' }, 'VALIDATION_FAILED'],
    ['registerStore', { ...store, postNo: '1234' }, 'VALIDATION_FAILED'],
    ['registerStore', { ...store, extra: 1 }, 'VALIDATION_FAILED'],
    ['checkout', { items: [], qrText }, 'CART_EMPTY'],
    ['checkout', { items: [{ ...item, unitPrice: -1 }], qrText }, 'AMOUNT_INVALID'],
    ['checkout', { items: [{ ...item, unitPrice: 10.5 }], qrText }, 'AMOUNT_INVALID'],
    ['checkout', { items: [{ ...item, unitPrice: 100_000_001 }], qrText }, 'AMOUNT_INVALID'],
    ['checkout', { items: [{ ...item, unitPrice: '4500' }], qrText }, 'AMOUNT_INVALID'],
    ['checkout', { items: [{ ...item, quantity: 0 }], qrText }, 'AMOUNT_INVALID'],
    ['checkout', { items: [item], qrText: 'A'.repeat(257) }, 'QR_TOO_LONG'],
    ['checkout', { items: [item] }, 'QR_TOO_LONG'],
    ['checkout', 'not an object', 'VALIDATION_FAILED'],
    ['getPayment', { id: -1 }, 'VALIDATION_FAILED'],
    ['getPayment', { id: '1; DROP TABLE payments' }, 'VALIDATION_FAILED'],
    ['listPayments', { day: '22/11/2026' }, 'VALIDATION_FAILED'],
    ['updateSettings', { language: 'jp' }, 'VALIDATION_FAILED'],
    ['updateSettings', { backend: { mode: 'remote', url: 'file:///etc/passwd', dialect: 'oneqpay' } }, 'VALIDATION_FAILED'],
    ['getStore', { sneaky: true }, 'VALIDATION_FAILED'],
  ])('%s(%j) → %s, handler not called', async (method, input, code) => {
    const { r, handlers } = router();
    const res = await r.call(method, input);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe(code);
    expect(handlers[method as keyof Handlers]).not.toHaveBeenCalled();
  });

  it('passes parsed, normalized input to the handler', async () => {
    const registerStore = vi.fn(async (input: Parameters<Handlers['registerStore']>[0]) => ({ ...store, ...input }));
    const { cid: _c, categoryCd: _k, createdAt: _a, approvedAt: _b, registeredAt: _r, ...registration } = store;
    const res = await router({ registerStore }).r.call('registerStore', { ...registration, businessNo: '220-81-62517' });
    expect(res.ok).toBe(true);
    expect(registerStore.mock.calls[0]![0].businessNo).toBe('2208162517');
  });

  it('turns a PosError into a value and a crash into INTERNAL', async () => {
    const { r } = router({
      getStore: () => {
        throw new PosError('STORE_NOT_REGISTERED');
      },
      listPayments: () => {
        throw new TypeError('boom');
      },
    });
    expect(await r.call('getStore', {})).toEqual({ ok: false, error: { code: 'STORE_NOT_REGISTERED' } });
    const res = await r.call('listPayments', {});
    expect(res.ok === false && res.error.code).toBe('INTERNAL');
  });

  it('refuses to return a value outside the contract', async () => {
    const { r } = router({ getStore: () => ({ cid: 42 }) as never });
    const res = await r.call('getStore', {});
    expect(res.ok === false && res.error.code).toBe('INTERNAL');
  });
});

describe('Seoul day inputs', () => {
  it('refuse impossible days without throwing (a throwing refine escapes safeParse)', async () => {
    const { seoulDaySchema } = await import('../../shared/contract');
    for (const d of ['2026-13-01', '2026-02-30', '0000-00-00', '9999-99-99']) expect(seoulDaySchema.safeParse(d).success, d).toBe(false);
    for (const d of ['2026-02-28', '2024-02-29', '2026-12-31']) expect(seoulDaySchema.safeParse(d).success, d).toBe(true);
  });
});
