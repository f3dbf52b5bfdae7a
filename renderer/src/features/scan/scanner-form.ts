/**
 * The serial + wedge scanner form as plain values (numbers as typed text) and its validation with the
 * contract's own schemas (serialScannerSettingsSchema, wedgeSettingsSchema): what the screen lets through
 * the core accepts. Pure.
 */
import { serialScannerSettingsSchema, wedgeSettingsSchema, type ScannerSettings } from '../../../../shared/contract';
import type { MessageKey } from '../../i18n/ko';

type Serial = ScannerSettings['serial'];

export interface ScannerForm {
  enabled: boolean;
  path: string;
  baudRate: string;
  dataBits: string;
  parity: Serial['parity'];
  stopBits: string;
  framing: Serial['framing'];
  idleTimeoutMs: string;
  maxGapMs: string;
  minLength: string;
}
export type ScannerFormField = 'path' | 'idleTimeoutMs' | 'maxGapMs' | 'minLength';
export type ScannerFormErrors = Partial<Record<ScannerFormField, MessageKey>>;

const FIELD_ERRORS: Record<ScannerFormField, MessageKey> = {
  path: 'settings.scanner.pathInvalid',
  idleTimeoutMs: 'settings.scanner.idleInvalid',
  maxGapMs: 'settings.scanner.maxGapInvalid',
  minLength: 'settings.scanner.minLengthInvalid',
};

export function scannerForm(s: ScannerSettings): ScannerForm {
  return {
    enabled: s.serial.enabled,
    path: s.serial.path,
    baudRate: String(s.serial.baudRate),
    dataBits: String(s.serial.dataBits),
    parity: s.serial.parity,
    stopBits: String(s.serial.stopBits),
    framing: s.serial.framing,
    idleTimeoutMs: String(s.serial.idleTimeoutMs),
    maxGapMs: String(s.wedge.maxGapMs),
    minLength: String(s.wedge.minLength),
  };
}

/** Whole numbers only: "", "1e2", "12.5" and "-3" are not numbers of milliseconds. */
const int = (s: string) => (/^\d{1,6}$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

export function validateScannerForm(f: ScannerForm): { ok: true; value: Pick<ScannerSettings, 'serial' | 'wedge'> } | { ok: false; errors: ScannerFormErrors } {
  const serial = serialScannerSettingsSchema.safeParse({
    enabled: f.enabled,
    path: f.path,
    baudRate: int(f.baudRate),
    dataBits: int(f.dataBits),
    parity: f.parity,
    stopBits: int(f.stopBits),
    framing: f.framing,
    idleTimeoutMs: int(f.idleTimeoutMs),
  });
  const wedge = wedgeSettingsSchema.safeParse({ maxGapMs: int(f.maxGapMs), minLength: int(f.minLength) });
  const errors: ScannerFormErrors = {};
  for (const issue of [...(serial.success ? [] : serial.error.issues), ...(wedge.success ? [] : wedge.error.issues)]) {
    const k = issue.path[0];
    if (typeof k === 'string' && k in FIELD_ERRORS) errors[k as ScannerFormField] ??= FIELD_ERRORS[k as ScannerFormField];
  }
  // An enabled scanner needs a port to open.
  if (f.enabled && f.path.trim() === '') errors.path ??= 'settings.scanner.pathRequired';
  if (!serial.success || !wedge.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { serial: serial.data, wedge: wedge.data } };
}
