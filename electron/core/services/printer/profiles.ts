/**
 * Printer command profiles. Epson is the default; Bixolon/Sewoo with Korean firmware speak the same
 * ESC/POS; Star is Star Line Mode. Every profile starts a job with the Korean sequence and never
 * resets the printer after a cut (a reset after the cut drops double-byte mode and the code page,
 * and on some firmware clears data still being printed).
 *
 * Star: the Line Mode commands below (ESC GS a, ESC i, ESC d, ESC GS y, ESC b, BEL, ESC ACK SOH,
 * ETB) follow Star's Line Mode specification as we know it and are verified against the emulator
 * only; Star's Korean models select 2-byte KS X 1001 through a memory switch, so no FS & is sent.
 * The ASB byte layout (status.ts) must be checked on a real Star unit before relying on it.
 */
import type { PrinterProfileName } from '../../../../shared/domain/receipt/printer-settings';

export type StatusProtocol = 'escpos' | 'star';

export interface PrinterProfile {
  name: PrinterProfileName;
  label: string;
  status: StatusProtocol;
  /**
   * Job start: reset, ASB off (ESC/POS: GS a 0, so no unsolicited status mixes with the answers), code
   * table, double-byte (Hangul) mode, Korean international set (0x5C prints ₩).
   */
  init: Buffer;
  bold(on: boolean): Buffer;
  /** 1 = normal, 2 = double width and height, for single- and double-byte characters alike. */
  size(size: 1 | 2): Buffer;
  align(a: 'left' | 'center' | 'right'): Buffer;
  /** Feeds to the cutter and cuts; never followed by ESC @. */
  cut(partial: boolean): Buffer;
  /** Cash drawer kick. */
  drawer(): Buffer;
  /** QR model 2, EC level M; `data` is bytes and its length is declared in bytes. */
  qr(data: Buffer, cellSize: number): Buffer;
  code128(data: string): Buffer;
  /** Real-time "clear buffers" where the printer has it: used before giving up on a stopped job. */
  clearBuffer?: Buffer;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const b = (...bytes: number[]) => Buffer.from(bytes);
const ALIGN = { left: 0, center: 1, right: 2 } as const;

function le16(n: number): [number, number] {
  if (n > 0xffff) throw new RangeError('QR data too long');
  return [n & 0xff, n >> 8];
}

function escposQr(data: Buffer, cellSize: number): Buffer {
  const [pL, pH] = le16(data.length + 3);
  return Buffer.concat([
    b(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0), // model 2
    b(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, Math.max(1, Math.min(16, cellSize))), // module size
    b(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31), // error correction M
    b(GS, 0x28, 0x6b, pL, pH, 0x31, 0x50, 0x30), // store: length = data BYTES + 3
    data,
    b(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30), // print
  ]);
}

function escposCode128(data: string): Buffer {
  const d = Buffer.from(`{B${data.replace(/\{/g, '{{')}`, 'latin1');
  if (d.length > 255) throw new RangeError('CODE128 data too long');
  return Buffer.concat([b(GS, 0x48, 2), b(GS, 0x66, 0), b(GS, 0x68, 64), b(GS, 0x77, 2), b(GS, 0x6b, 73, d.length), d]);
}

const escposBase = {
  status: 'escpos' as const,
  init: b(ESC, 0x40, GS, 0x61, 0, ESC, 0x74, 0, FS, 0x26, ESC, 0x52, 13),
  bold: (on: boolean) => b(ESC, 0x45, on ? 1 : 0),
  // GS ! sizes every character; FS ! too, for firmware that sizes double-byte characters only by FS !.
  size: (s: 1 | 2) => (s === 2 ? b(GS, 0x21, 0x11, FS, 0x21, 0x0c) : b(GS, 0x21, 0, FS, 0x21, 0)),
  align: (a: 'left' | 'center' | 'right') => b(ESC, 0x61, ALIGN[a]),
  // GS V 66/65 n: feed to the cutter position and cut (function B), no reset afterwards.
  cut: (partial: boolean) => b(GS, 0x56, partial ? 66 : 65, 0),
  // ESC p m t1 t2: pin 2, on 25×2 ms, off 250×2 ms.
  drawer: () => b(ESC, 0x70, 0, 25, 250),
  qr: escposQr,
  code128: escposCode128,
};

export const PROFILES: Record<PrinterProfileName, PrinterProfile> = {
  epson: {
    ...escposBase,
    name: 'epson',
    label: 'Epson TM (ESC/POS)',
    // DLE DC4 fn=8: clear the receive and print buffers.
    clearBuffer: b(DLE, 0x14, 8, 1, 3, 20, 1, 6, 2, 8),
  },
  bixolon: {
    ...escposBase,
    name: 'bixolon',
    label: 'Bixolon / Sewoo (Korean firmware)',
  },
  star: {
    name: 'star',
    label: 'Star (Star Line Mode)',
    status: 'star',
    init: b(ESC, 0x40, ESC, 0x52, 13),
    bold: (on) => b(ESC, on ? 0x45 : 0x46),
    size: (s) => b(ESC, 0x69, s - 1, s - 1),
    align: (a) => b(ESC, GS, 0x61, ALIGN[a]),
    cut: (partial) => b(ESC, 0x64, partial ? 3 : 2),
    // ESC BEL n1 n2 sets the pulse (n1×10 ms on, n2×10 ms delay), BEL fires drawer 1.
    drawer: () => b(ESC, 0x07, 20, 20, 0x07),
    qr: (data, cellSize) => {
      const [nL, nH] = le16(data.length);
      return Buffer.concat([
        b(ESC, GS, 0x79, 0x53, 0x30, 2),
        b(ESC, GS, 0x79, 0x53, 0x31, 1),
        b(ESC, GS, 0x79, 0x53, 0x32, Math.max(1, Math.min(8, cellSize))),
        b(ESC, GS, 0x79, 0x44, 0x31, 0, nL, nH),
        data,
        b(ESC, GS, 0x79, 0x50),
      ]);
    },
    code128: (data) => Buffer.concat([b(ESC, 0x62, 0x36, 0x32, 0x32, 64), Buffer.from(data, 'latin1'), b(0x1e)]),
  },
};

export function getProfile(name: PrinterProfileName | string): PrinterProfile {
  return PROFILES[name as PrinterProfileName] ?? PROFILES.epson;
}
