/**
 * An ESC/POS (and Star Line Mode) receipt printer emulator for tests and benchmarks.
 *
 * It listens on a loopback TCP port (port 0 = any free one), or takes bytes through `feed()` for
 * device and serial links. It parses what it receives — job start (ESC @), code table (ESC t),
 * double-byte mode (FS & / FS .), international set (ESC R), bold, sizes (GS ! / FS ! / ESC i),
 * alignment, QR (GS ( k with its declared length), CODE128, cuts, drawer kicks — and decodes text
 * the way a Korean printer does: in double-byte mode a byte pair 0xA1–0xFE × 0xA1–0xFE is one
 * KS X 1001 character 2 columns wide; anything else there is garbage ('�', counted in `errors`).
 * Lines wrap at `columns` like paper does, so a misaligned line shows up as an extra line.
 *
 * Status: GS r 1 is answered in order (after everything before it was processed); DLE EOT n and
 * Star's ESC ACK SOH are answered on receipt (real time). Faults: 'paper_out' (now, or after
 * `paperLines` lines), 'cover_open', 'offline' (stops processing, real-time answers say why),
 * 'no_status' (never answers), 'unreachable' (drops connections). `baud` paces processing at
 * baud/10 bytes per second, as a serial printer would.
 *
 * Automatic Status Back (ESC/POS, `asb: true`, as a TM-T88 with ASB switched on by its memory
 * switch): the printer sends its 4-byte status unasked — when a host connects, whenever its state
 * changes (paper out, cover open, back online) and when `GS a n` (n ≠ 0) is processed; `GS a 0`,
 * processed in order, turns it off. Byte 1 is 0xx1xx00 (bit 3 offline, bit 5 cover open), bytes 2–4
 * are 0xx0xxxx (byte 3: bits 0–1 paper near end, bits 2–3 paper end) — bytes 2–4 look exactly like a
 * `GS r 1` answer, which is why a host must recognise byte 1 and skip the three that follow.
 *
 * `dropAfterBytes`: each connection is closed by the printer once it has received that many bytes
 * (what arrived is processed: half a receipt on the paper, not cut).
 */
import net from 'node:net';
import iconv from 'iconv-lite';

export type EmulatorFault = 'none' | 'paper_out' | 'cover_open' | 'offline' | 'no_status' | 'unreachable';

export interface EmulatorOptions {
  columns?: number;
  mode?: 'escpos' | 'star';
  fault?: EmulatorFault;
  /** Paper runs out after this many printed lines. */
  paperLines?: number;
  /** Pace processing as a serial line at this baud rate (10 bits per byte). */
  baud?: number;
  /** Automatic Status Back switched on at power-up (see above). */
  asb?: boolean;
  /** Close each connection after receiving this many bytes. */
  dropAfterBytes?: number;
}

export interface DecodedReceipt {
  lines: string[];
  cut: 'full' | 'partial';
  qr: string[];
  barcodes: string[];
}

export interface EmulatorEvent {
  at: number;
  type: 'init' | 'cut' | 'drawer' | 'status-answer' | 'realtime-answer' | 'qr' | 'barcode' | 'etb' | 'asb';
  detail?: unknown;
}

interface JobState {
  kanji: boolean;
  codeTable: number;
  intl: number;
  bold: boolean;
  widthMul: number;
  heightMul: number;
  align: number;
}

const CLEAR_BUFFERS = Buffer.from([0x10, 0x14, 8, 1, 3, 20, 1, 6, 2, 8]);

const freshState = (): JobState => ({ kanji: false, codeTable: 0, intl: 0, bold: false, widthMul: 1, heightMul: 1, align: 0 });

export class EscPosPrinterEmulator {
  readonly columns: number;
  readonly mode: 'escpos' | 'star';
  fault: EmulatorFault;
  paperLines: number | undefined;
  baud: number | undefined;
  dropAfterBytes: number | undefined;
  /** ASB is on (GS a n with n ≠ 0, or `asb` at start); GS a 0 turns it off. */
  asbEnabled: boolean;
  /** How many unsolicited ASB statuses were sent. */
  asbSent = 0;

  /** Finished receipts (one per cut). */
  readonly receipts: DecodedReceipt[] = [];
  readonly events: EmulatorEvent[] = [];
  readonly errors: string[] = [];
  readonly drawerKicks: { pin: number; t1: number; t2: number }[] = [];
  /** ESC @ seen right after a cut (a reset that drops double-byte mode). */
  resetsAfterCut = 0;
  state: JobState = freshState();
  received = 0;

  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  private pending: Buffer = Buffer.alloc(0);
  private cur: { text: string; width: number } = { text: '', width: 0 };
  private lines: string[] = [];
  private qr: string[] = [];
  private barcodes: string[] = [];
  private qrStore = '';
  private printedLines = 0;
  private lastWasCut = false;
  private etb = 0;
  private reply: (b: Buffer) => void = () => {};
  private pump: NodeJS.Timeout | null = null;

  constructor(opts: EmulatorOptions = {}) {
    this.columns = opts.columns ?? 48;
    this.mode = opts.mode ?? 'escpos';
    this.fault = opts.fault ?? 'none';
    this.paperLines = opts.paperLines;
    this.baud = opts.baud;
    this.dropAfterBytes = opts.dropAfterBytes;
    this.asbEnabled = this.mode === 'escpos' && (opts.asb ?? false);
  }

  static async start(opts: EmulatorOptions = {}): Promise<EscPosPrinterEmulator> {
    const emu = new EscPosPrinterEmulator(opts);
    await emu.listen();
    return emu;
  }

  get port(): number {
    const a = this.server?.address();
    return a && typeof a === 'object' ? a.port : 0;
  }
  get url(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  listen(): Promise<void> {
    this.server = net.createServer((sock) => {
      if (this.fault === 'unreachable') return void sock.destroy();
      this.sockets.add(sock);
      this.reply = (b) => {
        if (!sock.destroyed) sock.write(b);
      };
      let got = 0;
      sock.on('data', (c) => {
        if (sock.destroyed) return;
        const limit = this.dropAfterBytes;
        if (limit !== undefined && got + c.length >= limit) {
          this.feed(c.subarray(0, Math.max(0, limit - got)));
          sock.destroy();
          return;
        }
        got += c.length;
        this.feed(c);
      });
      this.sendAsb();
      sock.on('error', () => undefined);
      sock.on('close', () => this.sockets.delete(sock));
    });
    return new Promise((res) => this.server!.listen(0, '127.0.0.1', () => res()));
  }

  /** Where answers go when bytes arrive through `feed()` (device or serial links). */
  onReply(fn: (b: Buffer) => void): void {
    this.reply = fn;
  }

  async close(): Promise<void> {
    if (this.pump) clearInterval(this.pump);
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((res) => (this.server ? this.server.close(() => res()) : res()));
  }

  /** Paper loaded / cover closed / back online: processing resumes. */
  recover(): void {
    this.fault = 'none';
    this.paperLines = undefined;
    this.sendAsb();
    this.kick();
  }

  setFault(f: EmulatorFault): void {
    this.fault = f;
    this.sendAsb();
    this.kick();
  }

  /** The 4-byte Automatic Status Back, sent unasked while ASB is on. */
  private sendAsb(): void {
    if (!this.asbEnabled || this.fault === 'no_status') return;
    const b1 = 0x10 | (this.stopped() ? 0x08 : 0) | (this.fault === 'cover_open' ? 0x20 : 0);
    const b3 = this.paperOut() ? 0x0c : 0;
    this.asbSent++;
    this.events.push({ at: Date.now(), type: 'asb', detail: [b1, 0, b3, 0] });
    this.reply(Buffer.from([b1, 0x00, b3, 0x00]));
  }

  /** The text lines of the current, not yet cut, receipt. */
  get openLines(): string[] {
    return [...this.lines, ...(this.cur.text ? [this.pad(this.cur.text, this.cur.width)] : [])];
  }

  // ---- reception ------------------------------------------------------------------------------

  feed(chunk: Buffer): void {
    this.received += chunk.length;
    this.realtime(chunk);
    const clear = chunk.indexOf(CLEAR_BUFFERS);
    if (this.mode === 'escpos' && clear >= 0) {
      // DLE DC4 8 (real time): drop what was received and not yet printed.
      this.pending = chunk.subarray(clear + CLEAR_BUFFERS.length);
      this.cur = { text: '', width: 0 };
      this.events.push({ at: Date.now(), type: 'realtime-answer', detail: { cleared: true } });
    } else {
      this.pending = Buffer.concat([this.pending, chunk]);
    }
    this.kick();
  }

  private stopped(): boolean {
    return this.fault === 'paper_out' || this.fault === 'cover_open' || this.fault === 'offline' || (this.paperLines !== undefined && this.printedLines >= this.paperLines);
  }

  private paperOut(): boolean {
    return this.fault === 'paper_out' || (this.paperLines !== undefined && this.printedLines >= this.paperLines);
  }

  /** Real-time commands are answered on receipt, whatever the printer is doing. */
  private realtime(chunk: Buffer): void {
    if (this.fault === 'no_status') return;
    for (let i = 0; i + 2 < chunk.length; i++) {
      if (this.mode === 'escpos' && chunk[i] === 0x10 && chunk[i + 1] === 0x04) {
        const n = chunk[i + 2];
        let r = 0x12;
        if (n === 1 && this.stopped()) r |= 0x08;
        if (n === 2) {
          if (this.fault === 'cover_open') r |= 0x04;
          if (this.paperOut()) r |= 0x20;
        }
        if (n === 4 && this.paperOut()) r |= 0x6c;
        this.events.push({ at: Date.now(), type: 'realtime-answer', detail: { n, r } });
        this.reply(Buffer.from([r]));
      }
      if (this.mode === 'star' && chunk[i] === 0x1b && chunk[i + 1] === 0x06 && chunk[i + 2] === 0x01) {
        const s1 = (this.stopped() ? 0x08 : 0) | (this.fault === 'cover_open' ? 0x20 : 0);
        const s5 = this.paperOut() ? 0x08 : 0;
        this.events.push({ at: Date.now(), type: 'realtime-answer', detail: { asb: true } });
        this.reply(Buffer.from([0x0f, (this.etb & 0x1f) << 1, s1, 0, 0, 0, s5]));
      }
    }
  }

  private kick(): void {
    if (this.baud) {
      if (this.pump) return;
      const bytesPerMs = this.baud / 10 / 1000; // 10 bits per byte on the line
      let last = performance.now();
      let credit = 0;
      this.pump = setInterval(() => {
        const now = performance.now();
        credit += (now - last) * bytesPerMs;
        last = now;
        credit -= this.process(Math.floor(credit)); // a long command may overdraw: the next ticks pay for it
        credit = Math.min(credit, bytesPerMs * 20);
        if (this.pending.length === 0 || this.stopped()) {
          clearInterval(this.pump!);
          this.pump = null;
        }
      }, 10);
    } else {
      this.process(Infinity);
    }
  }

  // ---- processing -----------------------------------------------------------------------------

  private process(budget: number): number {
    let used = 0;
    while (this.pending.length > 0 && used < budget && !this.stopped()) {
      const n = this.mode === 'star' ? this.stepStar(this.pending) : this.step(this.pending);
      if (n === 0) break; // incomplete command: wait for more bytes
      this.pending = this.pending.subarray(n);
      used += n;
    }
    return used;
  }

  private pad(text: string, width: number): string {
    const free = Math.max(0, this.columns - width);
    const left = this.state.align === 1 ? Math.floor(free / 2) : this.state.align === 2 ? free : 0;
    return ' '.repeat(left) + text + ' '.repeat(free - left);
  }

  private newline(): void {
    this.lines.push(this.pad(this.cur.text, this.cur.width));
    this.cur = { text: '', width: 0 };
    this.printedLines++;
    if (this.paperLines !== undefined && this.printedLines === this.paperLines) this.sendAsb(); // paper just ran out
  }

  private put(ch: string, cells: number): void {
    const w = cells * this.state.widthMul;
    if (this.cur.width + w > this.columns) this.newline(); // paper wraps
    this.cur.text += ch + ' '.repeat(w - cells); // a double-size character: followed by its extra width in spaces
    this.cur.width += w;
    this.lastWasCut = false;
  }

  private text(byte: number, next: number | undefined): number {
    if (byte >= 0x80 && this.state.kanji) {
      if (next === undefined) return 0;
      if (byte >= 0xa1 && byte <= 0xfe && next >= 0xa1 && next <= 0xfe) {
        this.put(iconv.decode(Buffer.from([byte, next]), 'euc-kr'), 2);
      } else {
        this.errors.push(`invalid double-byte ${byte.toString(16)} ${next.toString(16)}`);
        this.put('\ufffd', 2);
      }
      return 2;
    }
    if (byte >= 0x80) {
      this.errors.push(`high byte ${byte.toString(16)} outside double-byte mode`);
      this.put('\ufffd', 1);
      return 1;
    }
    if (byte === 0x5c && this.state.intl === 13) this.put('\u20a9', 1);
    else this.put(String.fromCharCode(byte), 1);
    return 1;
  }

  private flushBlock(label: string): void {
    if (this.cur.width > 0) this.newline();
    const w = [...label].reduce((a, c) => a + (c.charCodeAt(0) < 0x80 ? 1 : 2), 0);
    this.lines.push(this.pad(label.slice(0, this.columns), Math.min(w, this.columns)));
    this.printedLines++;
  }

  private cut(kind: 'full' | 'partial'): void {
    if (this.cur.width > 0) this.newline();
    this.receipts.push({ lines: this.lines, cut: kind, qr: this.qr, barcodes: this.barcodes });
    this.events.push({ at: Date.now(), type: 'cut', detail: kind });
    this.lines = [];
    this.qr = [];
    this.barcodes = [];
    this.lastWasCut = true;
  }

  private init(): void {
    if (this.lastWasCut) this.resetsAfterCut++;
    this.state = freshState();
    this.events.push({ at: Date.now(), type: 'init' });
  }

  private applyGsSize(n: number): void {
    this.state.widthMul = ((n >> 4) & 7) + 1;
    this.state.heightMul = (n & 7) + 1;
  }

  /** One ESC/POS command or character; returns bytes consumed, 0 if incomplete. */
  private step(b: Buffer): number {
    const c = b[0]!;
    const need = (n: number) => b.length >= n;
    switch (c) {
      case 0x0a:
        this.newline();
        return 1;
      case 0x0d:
        return 1;
      case 0x10: // DLE: real-time, already answered on receipt
        if (!need(3)) return 0;
        if (b[1] === 0x14) return need(3) ? (b[2] === 8 ? (need(10) ? 10 : 0) : need(5) ? 5 : 0) : 0;
        return 3;
      case 0x1b: {
        if (!need(2)) return 0;
        const k = b[1]!;
        if (k === 0x40) {
          this.init();
          return 2;
        }
        if (k === 0x70) {
          if (!need(5)) return 0;
          this.drawerKicks.push({ pin: b[2]!, t1: b[3]!, t2: b[4]! });
          this.events.push({ at: Date.now(), type: 'drawer', detail: { pin: b[2], t1: b[3], t2: b[4] } });
          return 5;
        }
        if (k === 0x69 || k === 0x6d) {
          this.cut(k === 0x69 ? 'full' : 'partial');
          return 2;
        }
        if (!need(3)) return 0;
        const n = b[2]!;
        if (k === 0x74) this.state.codeTable = n;
        else if (k === 0x52) this.state.intl = n;
        else if (k === 0x45) this.state.bold = (n & 1) === 1;
        else if (k === 0x61) this.state.align = n % 48;
        else if (k === 0x21) {
          this.state.widthMul = n & 0x20 ? 2 : 1;
          this.state.heightMul = n & 0x10 ? 2 : 1;
        } else if (k === 0x64) for (let i = 0; i < n; i++) this.newline();
        else if (![0x4a, 0x33, 0x4d, 0x2d, 0x47, 0x7b, 0x56, 0x20, 0x63].includes(k)) this.errors.push(`unknown ESC ${k.toString(16)}`);
        return 3;
      }
      case 0x1c: {
        if (!need(2)) return 0;
        const k = b[1]!;
        if (k === 0x26) {
          this.state.kanji = true;
          return 2;
        }
        if (k === 0x2e) {
          this.state.kanji = false;
          return 2;
        }
        if (!need(3)) return 0;
        if (k === 0x21) {
          const n = b[2]!;
          if (n & 0x04) this.state.widthMul = 2;
          if (n & 0x08) this.state.heightMul = 2;
        } else if (k !== 0x43 && k !== 0x2d) this.errors.push(`unknown FS ${k.toString(16)}`);
        return 3;
      }
      case 0x1d: {
        if (!need(2)) return 0;
        const k = b[1]!;
        if (k === 0x28) {
          if (!need(5)) return 0;
          const len = b[3]! + b[4]! * 256;
          if (!need(5 + len)) return 0;
          const body = b.subarray(5, 5 + len);
          if (b[2] === 0x6b && body[0] === 0x31) {
            if (body[1] === 0x50) this.qrStore = body.subarray(3).toString('utf8');
            if (body[1] === 0x51) {
              this.qr.push(this.qrStore);
              this.events.push({ at: Date.now(), type: 'qr', detail: this.qrStore });
              this.flushBlock(`[QR ${this.qrStore}]`);
            }
          }
          return 5 + len;
        }
        if (k === 0x56) {
          if (!need(3)) return 0;
          const m = b[2]!;
          if (m === 65 || m === 66) {
            if (!need(4)) return 0;
            this.cut(m === 65 ? 'full' : 'partial');
            return 4;
          }
          this.cut(m === 0 || m === 48 ? 'full' : 'partial');
          return 3;
        }
        if (k === 0x6b) {
          if (!need(4)) return 0;
          const m = b[2]!;
          if (m >= 65) {
            const len = b[3]!;
            if (!need(4 + len)) return 0;
            let data = b.subarray(4, 4 + len).toString('latin1');
            if (m === 73) data = data.replace(/^\{[ABC]/, '').replace(/\{\{/g, '{');
            this.barcodes.push(data);
            this.events.push({ at: Date.now(), type: 'barcode', detail: data });
            this.flushBlock(`[CODE128 ${data}]`);
            return 4 + len;
          }
          const end = b.indexOf(0, 3);
          return end < 0 ? 0 : end + 1;
        }
        if (k === 0x72) {
          if (!need(3)) return 0;
          if (this.fault !== 'no_status') {
            const r = this.paperOut() ? 0x0c : 0x00;
            this.events.push({ at: Date.now(), type: 'status-answer', detail: r });
            this.reply(Buffer.from([r]));
          }
          return 3;
        }
        if (!need(3)) return 0;
        if (k === 0x21) this.applyGsSize(b[2]!);
        else if (k === 0x61) {
          this.asbEnabled = b[2] !== 0;
          this.sendAsb(); // enabling sends the first status at once
        } else if (![0x48, 0x66, 0x68, 0x77, 0x42].includes(k)) this.errors.push(`unknown GS ${k.toString(16)}`);
        return 3;
      }
      default:
        if (c < 0x20) {
          if (c !== 0x07 && c !== 0x09) this.errors.push(`control ${c.toString(16)}`);
          return 1;
        }
        return this.text(c, b[1]);
    }
  }

  /** Star Line Mode subset used by the star profile. Korean firmware: double-byte always on. */
  private stepStar(b: Buffer): number {
    this.state.kanji = true;
    const c = b[0]!;
    const need = (n: number) => b.length >= n;
    if (c === 0x0a) {
      this.newline();
      return 1;
    }
    if (c === 0x07) {
      this.drawerKicks.push({ pin: 0, t1: 0, t2: 0 });
      this.events.push({ at: Date.now(), type: 'drawer' });
      return 1;
    }
    if (c === 0x17) {
      this.etb = (this.etb + 1) & 0x1f;
      this.events.push({ at: Date.now(), type: 'etb', detail: this.etb });
      return 1;
    }
    if (c !== 0x1b) return c < 0x20 ? 1 : this.text(c, b[1]);
    if (!need(2)) return 0;
    const k = b[1]!;
    switch (k) {
      case 0x40:
        this.init();
        this.state.kanji = true;
        return 2;
      case 0x45:
        this.state.bold = true;
        return 2;
      case 0x46:
        this.state.bold = false;
        return 2;
      case 0x06:
        return need(3) ? 3 : 0; // ESC ACK SOH: real-time, answered on receipt
      case 0x52:
        if (!need(3)) return 0;
        this.state.intl = b[2]!;
        return 3;
      case 0x64:
        if (!need(3)) return 0;
        this.cut(b[2] === 2 || b[2] === 0 ? 'full' : 'partial');
        return 3;
      case 0x69:
        if (!need(4)) return 0;
        this.state.heightMul = b[2]! + 1;
        this.state.widthMul = b[3]! + 1;
        return 4;
      case 0x07:
        return need(4) ? 4 : 0; // ESC BEL n1 n2: drawer pulse settings
      case 0x62: {
        const end = b.indexOf(0x1e, 6);
        if (end < 0) return 0;
        const data = b.subarray(6, end).toString('latin1');
        this.barcodes.push(data);
        this.flushBlock(`[CODE128 ${data}]`);
        return end + 1;
      }
      case 0x1d: {
        if (!need(3)) return 0;
        if (b[2] === 0x61) {
          if (!need(4)) return 0;
          this.state.align = b[3]!;
          return 4;
        }
        if (b[2] === 0x79) {
          if (!need(4)) return 0;
          const f = b[3]!;
          if (f === 0x53) return need(6) ? 6 : 0;
          if (f === 0x44) {
            if (!need(8)) return 0;
            const len = b[6]! + b[7]! * 256;
            if (!need(8 + len)) return 0;
            this.qrStore = b.subarray(8, 8 + len).toString('utf8');
            return 8 + len;
          }
          if (f === 0x50) {
            this.qr.push(this.qrStore);
            this.flushBlock(`[QR ${this.qrStore}]`);
            return 4;
          }
        }
        this.errors.push(`unknown ESC GS ${b[2]!.toString(16)}`);
        return 3;
      }
      default:
        this.errors.push(`unknown star ESC ${k.toString(16)}`);
        return 2;
    }
  }
}

/** "|line|" framing used by the golden files (makes trailing spaces and widths visible). */
export function frame(lines: readonly string[]): string {
  return lines.map((l) => `|${l}|`).join('\n') + '\n';
}
