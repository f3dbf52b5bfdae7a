/**
 * Turns the byte stream of a serial scanner into frames (one scan each). Pure: no I/O, no timers; the
 * caller passes the time and asks for idle flushes, so it is easy to test.
 *
 * - 'crlf': a frame ends at CR or LF (CRLF, LFCR and blank lines make no empty frames).
 * - 'timeout': a frame ends when no byte came for idleTimeoutMs (scanners configured without a suffix).
 *   In 'crlf' mode the same idle flush also ends a frame (a scanner that sends no suffix still scans),
 *   after a longer grace period.
 * A frame longer than maxFrameBytes is reported once as an overflow (it is never a payment QR) and the
 * rest of it is skipped up to the next end of frame.
 */
export type SerialFraming = 'crlf' | 'timeout';

export type SerialFrame = { kind: 'frame'; bytes: Uint8Array } | { kind: 'overflow'; bytes: number };

export interface SerialFramerOptions {
  framing: SerialFraming;
  idleTimeoutMs: number;
  maxFrameBytes?: number;
}

export const DEFAULT_MAX_FRAME_BYTES = 1024;
/** In CR/LF mode, a partial frame with no suffix after this long is taken as a frame all the same. */
export const CRLF_IDLE_FLUSH_MS = 300;

export class SerialFramer {
  private buf: number[] = [];
  private overflowBytes = 0;
  private lastByteAt = Number.NEGATIVE_INFINITY;
  private readonly max: number;

  constructor(private readonly opts: SerialFramerOptions) {
    this.max = opts.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  }

  /** How long after the last byte an unterminated frame is flushed. */
  get idleMs(): number {
    return this.opts.framing === 'timeout' ? this.opts.idleTimeoutMs : Math.max(CRLF_IDLE_FLUSH_MS, this.opts.idleTimeoutMs);
  }

  /** Whether bytes are waiting for an end of frame. */
  get pending(): boolean {
    return this.buf.length > 0 || this.overflowBytes > 0;
  }

  push(chunk: Uint8Array, now: number): SerialFrame[] {
    const out: SerialFrame[] = [];
    // In timeout mode, a pause longer than the idle time between chunks ends the previous frame even when no timer ran.
    if (this.opts.framing === 'timeout' && this.pending && now - this.lastByteAt > this.opts.idleTimeoutMs) this.end(out);
    for (const b of chunk) {
      if (this.opts.framing === 'crlf' && (b === 0x0d || b === 0x0a)) {
        this.end(out);
        continue;
      }
      if (this.overflowBytes > 0) this.overflowBytes++;
      else if (this.buf.length >= this.max) this.overflowBytes = this.buf.length + 1;
      else this.buf.push(b);
    }
    if (chunk.length > 0) this.lastByteAt = now;
    return out;
  }

  /** Ends the pending frame if nothing came for the idle time. */
  flushIdle(now: number): SerialFrame[] {
    const out: SerialFrame[] = [];
    if (this.pending && now - this.lastByteAt >= this.idleMs) this.end(out);
    return out;
  }

  reset(): void {
    this.buf = [];
    this.overflowBytes = 0;
  }

  private end(out: SerialFrame[]): void {
    if (this.overflowBytes > 0) out.push({ kind: 'overflow', bytes: this.overflowBytes });
    else if (this.buf.length > 0) {
      // Timeout mode: a trailing CR/LF/Tab suffix is not part of the text.
      let n = this.buf.length;
      while (n > 0 && (this.buf[n - 1] === 0x0d || this.buf[n - 1] === 0x0a || this.buf[n - 1] === 0x09)) n--;
      if (n > 0) out.push({ kind: 'frame', bytes: Uint8Array.from(this.buf.slice(0, n)) });
    }
    this.reset();
  }
}
