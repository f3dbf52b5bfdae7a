/**
 * The settings forms as plain values (strings for what the cashier types) and their validation with the
 * contract's own schemas, so the core never sees a value the screen let through. Pure.
 */
import { printerHostProblem, type PrinterHostProblem } from '../../../../shared/domain/receipt/printer-host';
import { backendSettingsSchema, type Dialect, type Settings } from '../../../../shared/contract';
import { PRINTER_PROFILES, printerSettingsSchema, type PrinterSettings, type PrinterTransport } from '../../../../shared/domain/receipt/printer-settings';
import type { MessageKey } from '../../i18n/i18n';

// ── Printer ─────────────────────────────────────────────────────────────────────────────────────
export const TRANSPORT_KINDS = ['none', 'tcp', 'device', 'serial'] as const satisfies readonly PrinterTransport['kind'][];
export const PRINTER_BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const satisfies readonly Extract<PrinterTransport, { kind: 'serial' }>['baudRate'][];
export const PAPER_COLUMNS = [32, 42, 48] as const satisfies readonly PrinterSettings['columns'][];
export const CODES = ['qr', 'code128', 'none'] as const satisfies readonly PrinterSettings['code'][];
export const CUTS = ['partial', 'full'] as const satisfies readonly PrinterSettings['cut'][];
export { PRINTER_PROFILES };
export const DEFAULT_TCP_PORT = 9100;

export interface PrinterForm {
  profile: PrinterSettings['profile'];
  kind: PrinterTransport['kind'];
  host: string;
  port: string;
  path: string;
  baudRate: string;
  columns: string;
  autoPrint: boolean;
  footer: string;
  code: PrinterSettings['code'];
  cut: PrinterSettings['cut'];
  openDrawer: boolean;
}
/** Fields a typed value can make invalid (the rest are choices from fixed lists). */
export type PrinterField = 'host' | 'port' | 'path' | 'footer';
export type PrinterErrors = Partial<Record<PrinterField, MessageKey>>;

/** The form for saved settings; fields of the other link kinds keep sensible values for switching. */
export function printerForm(p: PrinterSettings): PrinterForm {
  const t = p.transport;
  return {
    profile: p.profile,
    kind: t.kind,
    host: t.kind === 'tcp' ? t.host : '',
    port: String(t.kind === 'tcp' ? t.port : DEFAULT_TCP_PORT),
    path: t.kind === 'device' || t.kind === 'serial' ? t.path : '',
    baudRate: String(t.kind === 'serial' ? t.baudRate : 9600),
    columns: String(p.columns),
    autoPrint: p.autoPrint,
    footer: p.footer,
    code: p.code,
    cut: p.cut,
    openDrawer: p.openDrawer,
  };
}

function transportOf(f: PrinterForm): unknown {
  switch (f.kind) {
    case 'tcp':
      return { kind: 'tcp', host: f.host, port: /^\d{1,5}$/.test(f.port.trim()) ? Number(f.port.trim()) : Number.NaN };
    case 'device':
      return { kind: 'device', path: f.path };
    case 'serial':
      return { kind: 'serial', path: f.path, baudRate: Number(f.baudRate) };
    case 'none':
      return { kind: 'none' };
  }
}

const PRINTER_FIELD_ERRORS: Record<PrinterField, MessageKey> = {
  host: 'settings.printer.hostInvalid',
  port: 'settings.printer.portInvalid',
  path: 'settings.printer.pathInvalid',
  footer: 'settings.printer.footerInvalid',
};
const isPrinterField = (k: unknown): k is PrinterField => typeof k === 'string' && k in PRINTER_FIELD_ERRORS;

const HOST_PROBLEM_KEY: Record<PrinterHostProblem, MessageKey> = {
  malformed: 'settings.printer.hostInvalid',
  hasPort: 'settings.printer.hostNoPort',
  ipShape: 'settings.printer.hostIpShape',
  ipRange: 'settings.printer.hostIpRange',
  hostName: 'settings.printer.hostName',
};

/** The settings to save, or the message of each invalid field (empty when only a choice was off: not reachable from the form). */
export function validatePrinterForm(f: PrinterForm): { ok: true; value: PrinterSettings } | { ok: false; errors: PrinterErrors } {
  const errors: PrinterErrors = {};
  // A URL or "host:port" in the host field is a typing slip the schema would let through; so is an IP
  // address with a part over 255 (999.1.1.1): each says what is wrong, next to the field.
  if (f.kind === 'tcp') {
    const hostProblem = printerHostProblem(f.host);
    if (hostProblem) errors.host = HOST_PROBLEM_KEY[hostProblem];
  }
  const parsed = printerSettingsSchema.safeParse({
    profile: f.profile,
    transport: transportOf(f),
    columns: Number(f.columns),
    autoPrint: f.autoPrint,
    footer: f.footer,
    code: f.code,
    cut: f.cut,
    openDrawer: f.openDrawer,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, sub] = issue.path;
      const field = head === 'transport' ? sub : head;
      if (isPrinterField(field)) errors[field] ??= PRINTER_FIELD_ERRORS[field];
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

// ── Backend ─────────────────────────────────────────────────────────────────────────────────────
export { DIALECTS, KAKAO_APIS } from '../../../../shared/contract';
export type KakaoApi = (typeof import('../../../../shared/contract').KAKAO_APIS)[number];
export const DIALECT_LABEL: Record<Dialect, string> = { oneqpay: 'OneQ Pay', kakaopay: 'Kakao Pay' };

export interface BackendForm {
  mode: Settings['backend']['mode'];
  url: string;
  dialect: Dialect;
  /** Kakao Pay API generation (issue 10). */
  kakaoApi: KakaoApi;
}

export function backendForm(b: Settings['backend']): BackendForm {
  const kakaoApi = b.kakaoApi ?? 'legacy';
  return b.mode === 'remote' ? { mode: 'remote', url: b.url, dialect: b.dialect, kakaoApi } : { mode: 'embedded', url: '', dialect: b.dialect, kakaoApi };
}

export function validateBackendForm(f: BackendForm): { ok: true; value: Settings['backend'] } | { ok: false; urlError: MessageKey } {
  const kakaoApi = f.dialect === 'kakaopay' ? { kakaoApi: f.kakaoApi } : {};
  const candidate = f.mode === 'remote' ? { mode: 'remote', url: f.url.trim(), dialect: f.dialect, ...kakaoApi } : { mode: 'embedded', dialect: f.dialect, ...kakaoApi };
  const parsed = backendSettingsSchema.safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, urlError: 'settings.backend.urlInvalid' };
}
