/**
 * Printer status and acknowledged printing.
 *
 * ESC/POS: `GS r 1` is processed in order, after everything sent before it (the cut included), so
 * its answer means "the receipt printed". While the printer is stopped (paper out, cover open,
 * offline) it is not answered; the real-time `DLE EOT 1/2/4` queries are, and say why.
 * The two kinds of answers are told apart by their fixed bits: GS r 1 → 0xx0xxxx, DLE EOT → 0xx1xx10.
 * Automatic Status Back (ASB, on when a printer's memory/DIP switch says so, or after `GS a n`) sends
 * 4 unsolicited bytes: the first is 0xx1xx00, the next three are 0xx0xxxx — exactly like a GS r answer.
 * Every job starts with `GS a 0` (profiles.ts), and the reader recognises an ASB's first byte and skips
 * the three bytes after it (XON/XOFF excepted, which may come in between), so an unsolicited status is
 * never taken for "the receipt printed" (Epson's "identification of send status" table).
 *
 * Star Line Mode: `ETB` is processed in order and increments the ETB counter reported in the
 * automatic status (ASB, asked with the real-time `ESC ACK SOH`): the receipt printed when the
 * counter moves. ASB layout used here (to be checked on a Star unit): byte 0 header (length =
 * bits 1–3 + bit 5 × 8), byte 1 bits 1–5 ETB counter, byte 2 bit 3 offline / bit 5 cover open,
 * byte 6 bit 3 paper empty / bit 2 paper near end.
 */
import type { PrinterProfile } from './profiles';
import type { PrinterLink } from './transports';

export const PRINTER_STATES = ['ok', 'offline', 'cover_open', 'paper_out', 'timeout'] as const;
export type PrinterState = (typeof PRINTER_STATES)[number];

export interface PrinterStatusReport {
  state: PrinterState;
  paperNearEnd: boolean;
  detail?: string;
}

export const GS_R_PAPER = Buffer.from([0x1d, 0x72, 0x01]);
export const dleEot = (n: 1 | 2 | 3 | 4) => Buffer.from([0x10, 0x04, n]);
export const STAR_ASB_REQUEST = Buffer.from([0x1b, 0x06, 0x01]);
export const STAR_ETB = Buffer.from([0x17]);

export const isGsRAnswer = (b: number) => (b & 0x90) === 0x00;
export const isDleEotAnswer = (b: number) => (b & 0x93) === 0x12;
export const isAsbHeader = (b: number) => (b & 0x93) === 0x10;
const XON = 0x11;
const XOFF = 0x13;

/** GS r 1 answer: bits 0–1 paper near end, bits 2–3 paper end. */
export function parsePaperSensor(b: number): { paperOut: boolean; nearEnd: boolean } {
  return { paperOut: (b & 0x0c) !== 0, nearEnd: (b & 0x03) !== 0 };
}

/** DLE EOT 1 (printer), 2 (offline cause), 4 (roll paper) answers → one state. */
export function classifyDleEot(r1: number, r2: number, r4: number): PrinterStatusReport {
  const paperNearEnd = (r4 & 0x0c) !== 0;
  if (r2 & 0x04) return { state: 'cover_open', paperNearEnd, detail: 'cover open' };
  if (r2 & 0x20 || r4 & 0x60) return { state: 'paper_out', paperNearEnd, detail: 'paper end' };
  if (r1 & 0x08 || r2 & 0x40) return { state: 'offline', paperNearEnd, detail: r2 & 0x40 ? 'printer error' : 'printer offline' };
  return { state: 'ok', paperNearEnd };
}

export interface StarAsb {
  etb: number;
  status: PrinterStatusReport;
}

export function starAsbLength(header: number): number {
  return ((header >> 1) & 0x07) + ((header >> 2) & 0x08);
}

export function parseStarAsb(b: Buffer): StarAsb {
  const etb = ((b[1] ?? 0) >> 1) & 0x1f;
  const s1 = b[2] ?? 0;
  const s5 = b[6] ?? 0;
  const paperNearEnd = (s5 & 0x04) !== 0;
  let status: PrinterStatusReport = { state: 'ok', paperNearEnd };
  if (s1 & 0x20) status = { state: 'cover_open', paperNearEnd, detail: 'cover open' };
  else if (s5 & 0x08) status = { state: 'paper_out', paperNearEnd, detail: 'paper empty' };
  else if (s1 & 0x08) status = { state: 'offline', paperNearEnd, detail: 'printer offline' };
  return { etb, status };
}

/** Collects what the printer sends back and hands it out by kind. */
export class ResponseReader {
  private gsr: number[] = [];
  private rt: number[] = [];
  private raw: number[] = [];
  /** Bytes still to skip of an ASB whose first byte was seen. */
  private asbLeft = 0;
  private wake: (() => void)[] = [];
  closed = false;

  constructor(
    link: PrinterLink,
    private readonly protocol: 'escpos' | 'star',
  ) {
    link.onData((chunk) => {
      for (const byte of chunk) {
        if (this.protocol === 'star') this.raw.push(byte);
        else if (byte === XON || byte === XOFF) continue;
        else if (this.asbLeft > 0) this.asbLeft--; // bytes 2–4 of an ASB (look like GS r answers)
        else if (isAsbHeader(byte)) this.asbLeft = 3;
        else if (isDleEotAnswer(byte)) this.rt.push(byte);
        else if (isGsRAnswer(byte)) this.gsr.push(byte);
        // anything else (clear-buffer replies) is not ours
      }
      this.notify();
    });
    link.onClose(() => {
      this.closed = true;
      this.notify();
    });
  }

  private notify() {
    for (const w of this.wake.splice(0)) w();
  }

  private async waitFor<T>(take: () => T | undefined, timeoutMs: number): Promise<T | null> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = take();
      if (v !== undefined) return v;
      const left = end - Date.now();
      if (left <= 0 || this.closed) return null;
      await new Promise<void>((res) => {
        const t = setTimeout(res, left);
        this.wake.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }

  nextPaperAnswer(timeoutMs: number) {
    return this.waitFor(() => this.gsr.shift(), timeoutMs);
  }
  nextRealtimeAnswer(timeoutMs: number) {
    return this.waitFor(() => this.rt.shift(), timeoutMs);
  }
  nextStarAsb(timeoutMs: number) {
    return this.waitFor(() => {
      if (this.raw.length === 0) return undefined;
      const len = Math.max(7, starAsbLength(this.raw[0]!));
      if (this.raw.length < len) return undefined;
      return Buffer.from(this.raw.splice(0, len));
    }, timeoutMs);
  }
  clearStar() {
    this.raw.length = 0;
  }
}

const NO_ANSWER: PrinterStatusReport = { state: 'timeout', paperNearEnd: false, detail: 'no status answer' };

/** Real-time status (does not wait for queued data). */
export async function probeStatus(link: PrinterLink, reader: ResponseReader, profile: PrinterProfile, timeoutMs: number): Promise<PrinterStatusReport> {
  if (profile.status === 'star') {
    reader.clearStar();
    await link.write(STAR_ASB_REQUEST);
    const asb = await reader.nextStarAsb(timeoutMs);
    return asb ? parseStarAsb(asb).status : NO_ANSWER;
  }
  const answers: number[] = [];
  for (const n of [1, 2, 4] as const) {
    await link.write(dleEot(n));
    const a = await reader.nextRealtimeAnswer(timeoutMs);
    if (a === null) return reader.closed ? { state: 'offline', paperNearEnd: false, detail: 'connection closed' } : NO_ANSWER;
    answers.push(a);
  }
  return classifyDleEot(answers[0]!, answers[1]!, answers[2]!);
}

export interface AckOptions {
  /** How long the job may take to print when nothing is wrong. */
  ackTimeoutMs: number;
  /** Once the printer reports a stop (paper out, cover open), how long to wait for it to be fixed. */
  recoveryWindowMs: number;
  /** Between real-time probes while waiting. */
  pollMs?: number;
  onStatus?: (s: PrinterStatusReport) => void;
}

export interface AckResult {
  printed: boolean;
  /** Whether any byte of the job reached the link. */
  sent: boolean;
  /** The printer itself reported a stop before the answer (it did not finish the job). */
  stopped: boolean;
  /** Giving up on a stopped job, its clear-buffer command went out: the printer dropped the rest. */
  cleared: boolean;
  status: PrinterStatusReport;
  /** From the first byte written to the answer. */
  elapsedMs: number;
}

/** Sends a job and waits for the in-order status answer that proves it printed. */
export async function sendAndAcknowledge(link: PrinterLink, profile: PrinterProfile, job: Buffer, opts: AckOptions): Promise<AckResult> {
  const reader = new ResponseReader(link, profile.status);
  const pollMs = opts.pollMs ?? 1000;
  let etb0 = -1;
  if (profile.status === 'star') {
    await link.write(STAR_ASB_REQUEST);
    const asb = await reader.nextStarAsb(Math.min(pollMs, 2000));
    if (asb) etb0 = parseStarAsb(asb).etb;
  }
  const t0 = Date.now();
  let sent = false;
  try {
    sent = true;
    await link.write(profile.status === 'star' ? Buffer.concat([job, STAR_ETB]) : Buffer.concat([job, GS_R_PAPER]));
  } catch (e) {
    return { printed: false, sent, stopped: false, cleared: false, status: { state: 'offline', paperNearEnd: false, detail: (e as Error).message }, elapsedMs: Date.now() - t0 };
  }

  let deadline = t0 + opts.ackTimeoutMs;
  let last: PrinterStatusReport | null = null;
  let stopped = false;
  for (;;) {
    const left = deadline - Date.now();
    if (profile.status === 'escpos') {
      const ans = await reader.nextPaperAnswer(Math.max(0, Math.min(pollMs, left)));
      if (ans !== null) {
        const paper = parsePaperSensor(ans);
        return { printed: true, sent, stopped: false, cleared: false, status: { state: 'ok', paperNearEnd: paper.nearEnd || paper.paperOut }, elapsedMs: Date.now() - t0 };
      }
    } else {
      await new Promise((r) => setTimeout(r, Math.max(0, Math.min(pollMs, left))));
    }
    if (reader.closed) return { printed: false, sent, stopped, cleared: false, status: { state: 'offline', paperNearEnd: false, detail: 'connection closed' }, elapsedMs: Date.now() - t0 };

    let probe: PrinterStatusReport;
    if (profile.status === 'star') {
      reader.clearStar();
      await link.write(STAR_ASB_REQUEST).catch(() => undefined);
      const asb = await reader.nextStarAsb(Math.min(pollMs, 2000));
      if (asb) {
        const parsed = parseStarAsb(asb);
        if (etb0 >= 0 && parsed.etb !== etb0) return { printed: true, sent, stopped: false, cleared: false, status: parsed.status, elapsedMs: Date.now() - t0 };
        probe = parsed.status;
      } else probe = NO_ANSWER;
    } else {
      probe = await probeStatus(link, reader, profile, Math.min(pollMs, 2000)).catch(() => NO_ANSWER);
    }
    if (!last || last.state !== probe.state) opts.onStatus?.(probe);
    if (probe.state !== 'ok' && probe.state !== 'timeout' && !stopped) {
      stopped = true;
      deadline = Math.max(deadline, Date.now() + opts.recoveryWindowMs);
    }
    if (probe.state === 'ok' && last && last.state !== 'ok' && last.state !== 'timeout') {
      // Fixed (paper loaded, cover closed): the printer resumes and will answer.
      stopped = false;
      deadline = Math.max(deadline, Date.now() + opts.ackTimeoutMs);
    }
    last = probe;
    if (Date.now() >= deadline) {
      const state = probe.state === 'ok' ? NO_ANSWER : probe;
      let cleared = false;
      if (stopped && profile.clearBuffer) cleared = await link.write(profile.clearBuffer).then(() => true, () => false);
      return { printed: false, sent, stopped, cleared, status: state, elapsedMs: Date.now() - t0 };
    }
  }
}

/** Status without a job: the real-time query. */
export async function readStatus(link: PrinterLink, profile: PrinterProfile, timeoutMs: number): Promise<PrinterStatusReport> {
  const reader = new ResponseReader(link, profile.status);
  return probeStatus(link, reader, profile, timeoutMs);
}
