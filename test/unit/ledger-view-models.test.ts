/** The renderer's pure ledger models: the filter form, the refund form, state-history details. */
import { describe, expect, it } from 'vitest';
import type { Payment } from '../../shared/contract';
import { presetRange, toFilter, todayForm } from '../../renderer/src/features/history/history-filter';
import { eventDetailText } from '../../renderer/src/features/history/history-events';
import { initialRefundForm, parseRefundForm, taxFreeBounds } from '../../renderer/src/features/history/refund-form';
import { errorMessage } from '../../shared/domain/errors';

const payment = (over: Partial<Payment> = {}): Payment => ({
  id: 7,
  orderId: '20261122-ABCDEFGH',
  cid: 'C',
  status: 'approved',
  flow: 'cpm',
  amount: 10_000,
  taxFree: 2000,
  vat: 727,
  supply: 7273,
  itemName: '생수 외 1건',
  quantity: 2,
  items: [],
  qrMasked: '',
  tid: '1000000001',
  methodType: '계좌',
  approvedAt: '2026-11-22T01:00:00.000Z',
  error: null,
  createdAt: '2026-11-22T01:00:00.000Z',
  updatedAt: '2026-11-22T01:00:00.000Z',
  refunds: [],
  refundedAmount: 0,
  refundableAmount: 10_000,
  ...over,
});

describe('history filter form', () => {
  it('today by default; presets; checks before asking the core', () => {
    const f = todayForm();
    expect(f.from).toBe(f.to);
    expect(toFilter(f)).toEqual({ ok: true, filter: { from: f.from, to: f.to } });
    expect(presetRange('week', '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(presetRange('yesterday', '2026-11-01')).toEqual({ from: '2026-10-31', to: '2026-10-31' });
    expect(toFilter({ ...f, state: 'refunded_partial', method: 'MONEY', minAmount: '1,000', maxAmount: '5000', query: ' 1000000001 ' })).toEqual({
      ok: true,
      filter: { from: f.from, to: f.to, states: ['refunded_partial'], methods: ['MONEY'], minAmount: 1000, maxAmount: 5000, query: '1000000001' },
    });
    expect(toFilter({ ...f, from: '2026-11-23', to: '2026-11-22' })).toMatchObject({ ok: false, errors: { range: 'history.filter.rangeInvalid' } });
    expect(toFilter({ ...f, minAmount: '5000', maxAmount: '10' })).toMatchObject({ ok: false, errors: { maxAmount: 'history.filter.amountOrder' } });
    expect(toFilter({ ...f, minAmount: '-3' })).toMatchObject({ ok: false, errors: { minAmount: 'history.filter.amountInvalid' } });
    expect(toFilter({ ...f, query: "1' OR 1=1" })).toMatchObject({ ok: false, errors: { query: 'history.filter.queryInvalid' } });
  });
});

describe('refund form', () => {
  it('defaults to the whole refundable amount; a part; the tax-free part within what the core accepts', () => {
    const p = payment();
    expect(initialRefundForm(p)).toEqual({ amount: '10,000', taxFree: '' });
    expect(parseRefundForm(p, initialRefundForm(p))).toEqual({ ok: true, input: { paymentId: 7, amount: 10_000 } });
    expect(parseRefundForm(p, { amount: '4000', taxFree: '' })).toEqual({ ok: true, input: { paymentId: 7, amount: 4000 } });
    expect(parseRefundForm(p, { amount: '10001', taxFree: '' })).toMatchObject({ ok: false, field: 'amount', message: 'history.refund.amountTooBig', vars: { max: 10_000 } });
    expect(parseRefundForm(p, { amount: '0', taxFree: '' })).toMatchObject({ ok: false, field: 'amount' });
    expect(parseRefundForm(p, { amount: '4,5', taxFree: '' })).toMatchObject({ ok: true, input: { amount: 45 } });
    expect(taxFreeBounds(p, 9000)).toEqual({ min: 1000, max: 2000, rest: 2000 });
    expect(parseRefundForm(p, { amount: '9000', taxFree: '500' })).toMatchObject({ ok: false, field: 'taxFree', vars: { min: 1000, max: 2000 } });
    expect(parseRefundForm(p, { amount: '9000', taxFree: '1500' })).toEqual({ ok: true, input: { paymentId: 7, amount: 9000, taxFree: 1500 } });
    const after = payment({ refunds: [{ id: 1, paymentId: 7, requestId: 'x', status: 'cancelled', amount: 3000, taxFree: 2000, vat: 91, aid: 'A', cancelledAt: null, error: null, createdAt: '2026-11-22T01:00:00.000Z', updatedAt: '2026-11-22T01:00:00.000Z' }], refundedAmount: 3000, refundableAmount: 7000 });
    expect(taxFreeBounds(after, 7000)).toEqual({ min: 0, max: 0, rest: 0 });
  });
});

describe('state-history details', () => {
  it('error codes become messages; refund entries are labelled; other notes stay', () => {
    const err = (c: Parameters<typeof errorMessage>[0]) => errorMessage(c, 'ko');
    const krw = (n: number) => `${n.toLocaleString('en-US')}원`;
    expect(eventDetailText('INSUFFICIENT_BALANCE', err, krw, '취소')).toBe(errorMessage('INSUFFICIENT_BALANCE', 'ko'));
    expect(eventDetailText('refund #3: 4000', err, krw, '취소')).toBe('취소 #3 · 4,000원');
    expect(eventDetailText('refund #3: REFUND_UNKNOWN', err, krw, '취소')).toBe(`취소 #3 · ${errorMessage('REFUND_UNKNOWN', 'ko')}`);
    expect(eventDetailText('refund #3', err, krw, '취소')).toBe('취소 #3');
    expect(eventDetailText('lookup: approved', err, krw, '취소')).toBe('lookup: approved');
    expect(eventDetailText(null, err, krw, '취소')).toBeNull();
  });
});
