/** Printer settings (profile, transport, paper, auto-print, footer): the schema the contract can reuse. */
import { z } from 'zod';

/** epson: Epson TM (default); bixolon: Bixolon and Sewoo with Korean firmware; star: Star (Star Line Mode). */
export const PRINTER_PROFILES = ['epson', 'bixolon', 'star'] as const;
export type PrinterProfileName = (typeof PRINTER_PROFILES)[number];

export const printerTransportSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tcp'), host: z.string().trim().min(1).max(255), port: z.number().int().min(1).max(65535).default(9100) }).strict(),
  z.object({ kind: z.literal('device'), path: z.string().trim().min(1).max(255) }).strict(),
  z
    .object({
      kind: z.literal('serial'),
      path: z.string().trim().min(1).max(255),
      baudRate: z.union([z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)]).default(9600),
    })
    .strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);
export type PrinterTransport = z.infer<typeof printerTransportSchema>;

export const printerSettingsSchema = z
  .object({
    profile: z.enum(PRINTER_PROFILES),
    transport: printerTransportSchema,
    columns: z.union([z.literal(32), z.literal(42), z.literal(48)]),
    autoPrint: z.boolean(),
    footer: z.string().max(500),
    /** Lookup code of the tid on the receipt. */
    code: z.enum(['qr', 'code128', 'none']).default('qr'),
    cut: z.enum(['full', 'partial']).default('partial'),
    /** Open the cash drawer after a sale receipt. */
    openDrawer: z.boolean().default(false),
  })
  .strict();
export type PrinterSettings = z.infer<typeof printerSettingsSchema>;

export const DEFAULT_PRINTER_SETTINGS: PrinterSettings = {
  profile: 'epson',
  transport: { kind: 'none' },
  columns: 48,
  autoPrint: true,
  footer: '이용해 주셔서 감사합니다.',
  code: 'qr',
  cut: 'partial',
  openDrawer: false,
};

/** "tcp://192.168.0.50:9100", "/dev/usb/lp0", "serial:/dev/ttyUSB0@9600": the queue key of a printer. */
export function printerKey(t: PrinterTransport): string {
  switch (t.kind) {
    case 'tcp':
      return `tcp://${t.host}:${t.port}`;
    case 'device':
      return t.path;
    case 'serial':
      return `serial:${t.path}@${t.baudRate}`;
    case 'none':
      return 'none';
  }
}
