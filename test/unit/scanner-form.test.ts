/** The scanner settings form (settings screen and checkout shortcut): typed text → settings the contract accepts, or the field to fix. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCANNER_SETTINGS, scannerSettingsPatchSchema } from '../../shared/contract';
import { scannerForm, validateScannerForm } from '../../renderer/src/features/scan/scanner-form';

const base = scannerForm(DEFAULT_SCANNER_SETTINGS);

describe('scanner settings form', () => {
  it('round-trips the defaults into a patch the core accepts', () => {
    const v = validateScannerForm(base);
    expect(v).toEqual({ ok: true, value: { serial: DEFAULT_SCANNER_SETTINGS.serial, wedge: DEFAULT_SCANNER_SETTINGS.wedge } });
    if (v.ok) expect(scannerSettingsPatchSchema.safeParse(v.value).success).toBe(true);
  });

  it('takes a port, 7E2 framing by idle gap and new wedge thresholds', () => {
    const v = validateScannerForm({ ...base, enabled: true, path: '/dev/ttyACM0', baudRate: '115200', dataBits: '7', parity: 'even', stopBits: '2', framing: 'timeout', idleTimeoutMs: ' 80 ', maxGapMs: '25', minLength: '12' });
    expect(v).toEqual({
      ok: true,
      value: { serial: { enabled: true, path: '/dev/ttyACM0', baudRate: 115200, dataBits: 7, parity: 'even', stopBits: 2, framing: 'timeout', idleTimeoutMs: 80 }, wedge: { maxGapMs: 25, minLength: 12 } },
    });
  });

  it('names the field for out-of-range or non-integer numbers, per the contract', () => {
    expect(validateScannerForm({ ...base, idleTimeoutMs: '5' })).toEqual({ ok: false, errors: { idleTimeoutMs: 'settings.scanner.idleInvalid' } });
    expect(validateScannerForm({ ...base, idleTimeoutMs: '12.5' })).toEqual({ ok: false, errors: { idleTimeoutMs: 'settings.scanner.idleInvalid' } });
    expect(validateScannerForm({ ...base, maxGapMs: '', minLength: '1e2' })).toEqual({ ok: false, errors: { maxGapMs: 'settings.scanner.maxGapInvalid', minLength: 'settings.scanner.minLengthInvalid' } });
    expect(validateScannerForm({ ...base, maxGapMs: '201' })).toMatchObject({ ok: false, errors: { maxGapMs: 'settings.scanner.maxGapInvalid' } });
  });

  it('an enabled scanner needs a port; a path over 255 characters is refused', () => {
    expect(validateScannerForm({ ...base, enabled: true, path: '  ' })).toEqual({ ok: false, errors: { path: 'settings.scanner.pathRequired' } });
    expect(validateScannerForm({ ...base, path: `/dev/${'x'.repeat(260)}` })).toEqual({ ok: false, errors: { path: 'settings.scanner.pathInvalid' } });
  });
});
