import { describe, expect, it } from 'vitest';
import { printerHostProblem } from '../../renderer/src/features/settings/settings-forms';

describe('printerHostProblem: the printer host says what is wrong with it', () => {
  it.each(['192.168.0.50', '10.0.0.1', '255.255.255.255', '0.0.0.0', 'printer-1', 'epson.local', 'localhost'])('accepts %s', (h) => {
    expect(printerHostProblem(h)).toBeNull();
  });
  it.each([
    ['999.1.1.1', 'settings.printer.hostIpRange'],
    ['192.168.0.256', 'settings.printer.hostIpRange'],
    ['192.168.0', 'settings.printer.hostIpShape'],
    ['1..2.3', 'settings.printer.hostIpShape'],
    ['192.168.0.50:9100', 'settings.printer.hostNoPort'],
    ['http://192.168.0.50', 'settings.printer.hostInvalid'],
    ['', 'settings.printer.hostInvalid'],
    ['프린터', 'settings.printer.hostName'],
    ['-bad-.local', 'settings.printer.hostName'],
  ])('refuses %s with %s', (h, key) => {
    expect(printerHostProblem(h)).toBe(key);
  });
});
