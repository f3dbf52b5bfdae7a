import { describe, expect, it } from 'vitest';
import { printerHostProblem } from '../../shared/domain/receipt/printer-host';

describe('printerHostProblem: the printer host says what is wrong with it', () => {
  it.each(['192.168.0.50', '10.0.0.1', '255.255.255.255', '0.0.0.0', 'printer-1', 'epson.local', 'localhost'])('accepts %s', (h) => {
    expect(printerHostProblem(h)).toBeNull();
  });
  it.each([
    ['999.1.1.1', 'ipRange'],
    ['192.168.0.256', 'ipRange'],
    ['192.168.0', 'ipShape'],
    ['1..2.3', 'ipShape'],
    ['192.168.0.50:9100', 'hasPort'],
    ['http://192.168.0.50', 'malformed'],
    ['', 'malformed'],
    ['프린터', 'hostName'],
    ['-bad-.local', 'hostName'],
  ])('refuses %s as %s', (h, problem) => {
    expect(printerHostProblem(h)).toBe(problem);
  });
});
