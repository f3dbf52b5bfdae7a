/**
 * Receipt layout → printer bytes (ESC/POS, or Star Line Mode for the Star profile).
 *
 * What we measured about node-thermal-printer 4.6.1 (test/integration/printer-ntp-findings.test.ts
 * runs each point against the emulator; bench/receipt-bench.ts times it):
 * - Width: leftRight/table/tableCustom/_fold count `.length`, so every Hangul line is short by one
 *   column per syllable and right-aligned Korean values overflow and wrap on paper. Replaced by the
 *   shared layout (display-width.ts), which counts KS X 1001 characters as 2 columns.
 * - Encoding: characterSet KOREA maps to iconv-lite 'EUC-KR', which is CP949: 똠 goes out as 8C 63,
 *   which a KS X 1001 printer prints as garbage. It also encodes one character at a time with a
 *   Buffer.concat per character (quadratic on long jobs). Replaced by one iconv call per line plus
 *   a strict 0xA1–0xFE check, after the shared `toPrintable` fallback (똠 → ㄸㅗㅁ).
 * - Job start: no FS & (double-byte mode) and no ESC R 13; STAR has no CODE_PAGE_KOREA at all
 *   (setCharacterSet('KOREA') throws). Replaced by the profiles' init sequence.
 * - QR: the store length is `str.length + 3` (characters, not bytes): any non-ASCII payload
 *   desynchronises the printer's parser. Replaced: length in bytes.
 * - cut()/partialCut() append ESC @ after the cut: the reset drops double-byte mode and the code
 *   page for what follows (and ESC @ clears the print buffer). Replaced: GS V 65/66 n, no reset.
 * - openCashDrawer() sends ESC p 0 and ESC p 1 without t1 t2 (3 bytes each): the printer takes the
 *   next command's bytes as the pulse times. Replaced: ESC p 0 25 250.
 * - Network transport: fire-and-forget (the socket is destroyed when the write callback runs) or
 *   "first data chunk", with one idle timeout for connect and answer, so "refused", "not answering"
 *   and "still printing" cannot be told apart. The file transport retries writes in the background
 *   for up to 200 s after its 5 s timeout has already rejected (a later retry would print twice),
 *   and opens the device with 'w' (creates a regular file where the device is missing). Replaced
 *   by transports.ts (one connection for job + status, separate connect/answer timeouts, no
 *   background retries, device opened without O_CREAT). There is no serial transport.
 * Kept from it: the ESC/POS command values it gets right (GS r 1, GS ( k QR functions, GS V, ESC E,
 * ESC a), which the findings test compares byte for byte with ours. It is no longer on the
 * printing path.
 */
import iconv from 'iconv-lite';
import { REPLACEMENT_MARK, toPrintable, WON_SIGN, type Substitution } from '../../../../shared/domain/receipt/ksx1001';
import { layoutReceipt, type PrintLine, type ReceiptLayout } from '../../../../shared/domain/receipt/receipt-layout';
import { buildReceipt, type ReceiptInput } from '../../../../shared/domain/receipt/receipt-model';
import type { PrinterProfile } from './profiles';

const LF = 0x0a;
const MARK_BYTES = iconv.encode(REPLACEMENT_MARK, 'euc-kr'); // A1 E0

/**
 * Text → KS X 1001 (EUC-KR proper) bytes. Anything outside ASCII + KS X 1001 goes through the
 * documented fallback first; ₩ is sent as 0x5C (printed as ₩ under ESC R 13). A CP949-only pair
 * that still slipped through (lead 0x81–0xA0 or trail < 0xA1) is replaced by REPLACEMENT_MARK and reported.
 */
export function encodeKsx1001(text: string, substitutions?: Substitution[]): Buffer {
  const printable = toPrintable(text, substitutions);
  if (/^[\x20-\x7e]*$/.test(printable)) return Buffer.from(printable, 'latin1');
  const bytes = iconv.encode(printable.replaceAll(WON_SIGN, '\\'), 'euc-kr');
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c < 0x80) continue;
    const t = bytes[i + 1] ?? 0;
    if (c < 0xa1 || c > 0xfe || t < 0xa1 || t > 0xfe) {
      substitutions?.push({ from: iconv.decode(bytes.subarray(i, i + 2), 'euc-kr'), to: REPLACEMENT_MARK });
      bytes[i] = MARK_BYTES[0]!;
      if (i + 1 < bytes.length) bytes[i + 1] = MARK_BYTES[1]!;
    }
    i++;
  }
  return bytes;
}

export interface EncodeOptions {
  /** Kick the cash drawer at the start of the job. */
  drawer?: boolean;
  /** QR module size in dots; default 6 on 80 mm paper, 5 on 58 mm. */
  qrCellSize?: number;
  /**
   * The printer's last job was cut off (part of it may be on the paper, uncut): feed and cut right after
   * the job start, so this receipt does not begin glued to those leftovers.
   */
  cutLeftovers?: boolean;
}

export interface EncodedReceipt {
  bytes: Buffer;
  layout: ReceiptLayout;
  substitutions: Substitution[];
}

/** Layout → bytes. Text lines are already padded by the layout: the printer only gets left-aligned lines. */
export function encodeLayout(layout: ReceiptLayout, profile: PrinterProfile, opts: EncodeOptions = {}): Buffer {
  const parts: Buffer[] = [profile.init];
  if (opts.cutLeftovers) parts.push(Buffer.from([LF]), profile.cut(true));
  parts.push(profile.align('left'), profile.bold(false), profile.size(1));
  if (opts.drawer) parts.push(profile.drawer());
  let bold = false;
  let size: 1 | 2 = 1;
  const cell = opts.qrCellSize ?? (layout.columns >= 42 ? 6 : 5);
  const lf = Buffer.from([LF]);
  for (const line of layout.lines as PrintLine[]) {
    if (line.type === 'text') {
      if (line.bold !== bold) parts.push(profile.bold((bold = line.bold)));
      if (line.size !== size) parts.push(profile.size((size = line.size)));
      const text = line.text.trimEnd();
      if (text) parts.push(encodeKsx1001(text));
      parts.push(lf);
    } else if (line.type === 'code') {
      if (size !== 1) parts.push(profile.size((size = 1)));
      parts.push(profile.align('center'));
      parts.push(line.symbology === 'qr' ? profile.qr(Buffer.from(line.data, 'utf8'), cell) : profile.code128(line.data));
      parts.push(profile.align('left'));
    } else {
      if (bold) parts.push(profile.bold((bold = false)));
      if (size !== 1) parts.push(profile.size((size = 1)));
      parts.push(profile.cut(line.partial));
    }
  }
  return Buffer.concat(parts);
}

export function encodeReceipt(input: ReceiptInput, profile: PrinterProfile, opts: EncodeOptions = {}): EncodedReceipt {
  const layout = layoutReceipt(buildReceipt(input));
  return { bytes: encodeLayout(layout, profile, opts), layout, substitutions: layout.substitutions };
}
