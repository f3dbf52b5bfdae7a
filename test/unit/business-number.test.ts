import { describe, expect, it } from 'vitest';
import { businessNumberCheckDigit, formatBusinessNumber, isValidBusinessNumber, normalizeBusinessNumber } from '../../shared/domain/business-number';

describe('사업자등록번호 check digit', () => {
  it.each(['220-81-62517', '2208162517', '124-81-00998', '123-45-67891', ' 104-81-23454 '])('accepts %s', (n) => {
    expect(isValidBusinessNumber(n)).toBe(true);
  });
  it.each(['220-81-62518', '123-45-67890', '1234567', '12345678901', 'abc-de-fghij', '', '220-81-6251７'])('rejects %s', (n) => {
    expect(isValidBusinessNumber(n)).toBe(false);
  });
  it('computes the check digit with the floor(d9*5/10) term', () => {
    // d9 = 9 contributes 9*5 = 45 plus floor(45/10) = 4
    expect(businessNumberCheckDigit('123456789')).toBe(1);
    expect(businessNumberCheckDigit('220816251')).toBe(7);
  });
  it('every wrong last digit of a valid number is rejected', () => {
    for (let d = 0; d <= 9; d++) expect(isValidBusinessNumber(`220816251${d}`)).toBe(d === 7);
  });
  it('normalizes and formats as typed', () => {
    expect(normalizeBusinessNumber('220-81-62517')).toBe('2208162517');
    expect(normalizeBusinessNumber('220-81-625')).toBeNull();
    expect(formatBusinessNumber('22')).toBe('22');
    expect(formatBusinessNumber('2208')).toBe('220-8');
    expect(formatBusinessNumber('220816')).toBe('220-81-6');
    expect(formatBusinessNumber('2208162517999')).toBe('220-81-62517');
  });
});
