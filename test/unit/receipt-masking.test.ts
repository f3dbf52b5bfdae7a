import { describe, expect, it } from 'vitest';
import { installmentLabel, maskAccountNumber, maskCardNumber } from '../../shared/domain/receipt/masking';

describe('masking on receipts', () => {
  it('shows at most the first 6 and last 4 card digits, never an expiry or track data', () => {
    expect(maskCardNumber('9410-6123-4567-8901')).toBe('9410-61**-****-8901');
    expect(maskCardNumber('9410612345678901=27121010000')).toBe('9410-61**-****-8901');
    expect(maskCardNumber('9410 6123 4567 8901 12/27')).toBe('9410-61**-****-8901');
    expect(maskCardNumber('9410612345678901^HONG/GILDONG^2712')).toBe('9410-61**-****-8901');
    expect(maskCardNumber('3714-496353-98431')).toBe('3714-49**-***8-431'); // 15-digit Amex: still ≤ 6 + 4
    expect(maskCardNumber('94106123')).toBe('****-6123');
    expect(maskCardNumber('9410-61**-****-8901')).toBe('9410-61**-****-8901'); // masked stays masked
    expect(maskCardNumber(null)).toBe('');
  });

  it('never shows a full card number', () => {
    for (const pan of ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117']) {
      const m = maskCardNumber(pan).replace(/-/g, '');
      expect(m.replace(/\*/g, '').length).toBeLessThanOrEqual(10);
      expect(m).not.toBe(pan);
    }
  });

  it('masks account numbers in the middle, keeping separators', () => {
    expect(maskAccountNumber('110-123-456789')).toBe('110-***-***789');
    expect(maskAccountNumber('3333-01-1234567')).toBe('333*-**-****567');
    expect(maskAccountNumber('12345')).toBe('***45');
  });

  it('labels installments', () => {
    expect(installmentLabel(0)).toBe('일시불');
    expect(installmentLabel(1)).toBe('일시불');
    expect(installmentLabel(3)).toBe('3개월');
  });
});
