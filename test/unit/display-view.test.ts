import { describe, expect, it } from 'vitest';
import { DISPLAY_PHASES, displayInputSchema, displayStateSchema, type DisplayState } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/domain/errors';
import { HEADLINE, newerState, reasonKey, timeLeft } from '../../renderer/src/features/display/display-view';
import { en } from '../../renderer/src/i18n/en';
import { ko } from '../../renderer/src/i18n/ko';

const state = (seq: number): DisplayState => ({ seq, phase: 'idle', storeName: '', items: [], totals: { total: 0, taxFree: 0, vat: 0, supply: 0, quantity: 0 }, amount: 0, message: null, qrText: null, expiresAt: null, paymentId: null, at: '2026-11-22T01:00:00.000Z' });

describe('customer display view', () => {
  it('has a headline for every phase and a customer-facing reason for every error code, in both languages', () => {
    for (const p of DISPLAY_PHASES) expect(ko[HEADLINE[p]] && en[HEADLINE[p]]).toBeTruthy();
    for (const c of ERROR_CODES) expect(ko[reasonKey(c)] && en[reasonKey(c)]).toBeTruthy();
    expect(reasonKey('INSUFFICIENT_BALANCE')).toBe('display.reason.balance');
    expect(reasonKey('BACKEND_UNREACHABLE')).toBe('display.reason.other');
    expect(reasonKey(null)).toBe('display.reason.other');
  });

  it('counts down without going negative', () => {
    const t0 = Date.parse('2026-11-22T01:00:00.000Z');
    expect(timeLeft('2026-11-22T01:03:00.000Z', t0)).toBe('3:00');
    expect(timeLeft('2026-11-22T01:03:00.000Z', t0 + 61_500)).toBe('1:59');
    expect(timeLeft('2026-11-22T01:03:00.000Z', t0 + 999_000)).toBe('0:00');
    expect(timeLeft(null, t0)).toBeNull();
  });

  it('keeps the newer state; the schemas reject what the display must not get', () => {
    expect(newerState(state(5), state(4)).seq).toBe(5);
    expect(newerState(null, state(1)).seq).toBe(1);
    expect(displayStateSchema.safeParse({ ...state(1), phase: 'paid' }).success).toBe(false);
    expect(displayStateSchema.safeParse({ ...state(1), amount: -1 }).success).toBe(false);
    expect(displayStateSchema.safeParse({ ...state(1), message: 'NOT_A_CODE' }).success).toBe(false);
    expect(displayStateSchema.safeParse({ ...state(1), qrText: 'x'.repeat(2049) }).success).toBe(false);
    expect(displayInputSchema.safeParse({ phase: 'mpm_qr', items: [] }).success).toBe(false);
    expect(displayInputSchema.safeParse({ phase: 'cart', items: Array.from({ length: 101 }, () => ({ name: 'x', unitPrice: 1, quantity: 1 })) }).success).toBe(false);
  });
});
