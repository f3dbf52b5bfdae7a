import { describe, expect, it } from 'vitest';
import { DEFAULT_SCANNER_SETTINGS, scannerSettingsPatchSchema, scannerSettingsSchema } from '../../shared/contract';
import { classifyWedgeKey, textFromKeys } from '../../renderer/src/features/scan/keycode-text';
import { ScanBurst } from '../../renderer/src/features/scan/scan-burst';
import { SCAN_MAX_GAP_MS, SCAN_MIN_LENGTH } from '../../renderer/src/features/scan/wedge-config';

function burst(b: ScanBurst, text: string, gap: number): number {
  let t = 1000;
  for (const ch of text) {
    b.char(ch, t);
    t += gap;
  }
  return t - gap;
}

describe('wedge thresholds are configurable', () => {
  it('defaults match the scanner settings defaults', () => {
    expect(DEFAULT_SCANNER_SETTINGS.wedge).toEqual({ maxGapMs: SCAN_MAX_GAP_MS, minLength: SCAN_MIN_LENGTH });
    expect(scannerSettingsSchema.parse(DEFAULT_SCANNER_SETTINGS)).toEqual(DEFAULT_SCANNER_SETTINGS);
  });
  it('a slow wedge (60 ms per key) is a scan only once the gap threshold allows it', () => {
    const qr = 'ONEQ1.ABCDEFGHJKMNPQRSAA';
    const strict = new ScanBurst();
    expect(strict.suffix(burst(strict, qr, 60) + 5)).toBeNull();
    const relaxed = new ScanBurst({ maxGapMs: 80 });
    expect(relaxed.suffix(burst(relaxed, qr, 60) + 5)).toBe(qr);
    relaxed.configure({ minLength: 30 });
    expect(relaxed.suffix(burst(relaxed, qr, 5) + 5)).toBeNull();
  });
  it('settings patches are checked by the contract', () => {
    expect(scannerSettingsPatchSchema.safeParse({ wedge: { maxGapMs: 2 } }).success).toBe(false);
    expect(scannerSettingsPatchSchema.safeParse({ serial: { parity: 'mark' } }).success).toBe(false);
    expect(scannerSettingsPatchSchema.safeParse({ camera: { mirror: true } }).success).toBe(true);
  });
});

describe('Hangul IME: text from physical keys', () => {
  it('jamo keys with the codes of ASCII letters rebuild the ASCII text', () => {
    const keys = [
      { key: 'ㅒ', code: 'KeyO', shiftKey: true },
      { key: 'ㅜ', code: 'KeyN', shiftKey: true },
      { key: 'ㄸ', code: 'KeyE', shiftKey: true },
      { key: 'ㅃ', code: 'KeyQ', shiftKey: true },
      { key: '1', code: 'Digit1' },
      { key: '.', code: 'Period' },
      { key: 'Process', code: 'KeyA', keyCode: 229, isComposing: true, shiftKey: true },
    ];
    expect(textFromKeys(keys)).toBe('ONEQ1.A');
    expect(classifyWedgeKey({ key: 'Enter', code: 'Enter' })).toEqual({ type: 'suffix', key: 'Enter' });
  });
});
