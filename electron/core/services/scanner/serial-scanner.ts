/**
 * The serial (USB-CDC / RS-232) scanner: `serialport` in the core, framing by CR/LF or inter-byte
 * timeout, every frame through the QR payload parser and out as a `scan.received` event, the connection
 * state out as `scanner.status`. serialport has no reconnect of its own: after an unplug (or when the
 * port is not there yet) the service polls and reopens it by path, so a symlink such as
 * /dev/serial/by-id/… or a socat pty link finds the device again whatever node it gets.
 */
import { existsSync } from 'node:fs';
import type { ScannerStatus } from '../../../../shared/contract';
import { maskQrText } from '../../../../shared/domain/qr-payload';
import type { EventBus } from '../../events';
import { scanFromFrame } from './scan-event';
import { SerialFramer, type SerialFrame } from './serial-framer';

export interface SerialSettings {
  enabled: boolean;
  path: string;
  baudRate: number;
  dataBits: 7 | 8;
  parity: 'none' | 'even' | 'odd';
  stopBits: 1 | 2;
  framing: 'crlf' | 'timeout';
  idleTimeoutMs: number;
}

/** The part of serialport's SerialPort this service uses (a real port in production and in tests). */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(cb: (err: Error | null) => void): void;
  close(cb?: (err: Error | null) => void): void;
  on(event: 'data', l: (chunk: Buffer) => void): this;
  on(event: 'close', l: (err?: Error & { disconnected?: boolean }) => void): this;
  on(event: 'error', l: (err: Error) => void): this;
  removeAllListeners(): this;
}
export type PortFactory = (s: SerialSettings) => Promise<SerialPortLike>;

export const defaultPortFactory: PortFactory = async (s) => {
  const { SerialPort } = await import('serialport');
  return new SerialPort({ path: s.path, baudRate: s.baudRate, dataBits: s.dataBits, parity: s.parity, stopBits: s.stopBits, autoOpen: false, hupcl: false });
};

export interface SerialScannerDeps {
  events: EventBus;
  settings: () => SerialSettings;
  openPort?: PortFactory;
  /** First retry delay after a failed open or an unplug; doubles up to retryMaxMs. */
  retryMs?: number;
  retryMaxMs?: number;
  /** While open: how often to check that the device node is still there (some unplugs give no close event). */
  watchMs?: number;
}

type State = ScannerStatus['serial']['state'];

export class SerialScanner {
  private port: SerialPortLike | null = null;
  private framer: SerialFramer | null = null;
  private generation = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private watchTimer: NodeJS.Timeout | null = null;
  private attempts = 0;
  private closed = false;
  private current: ScannerStatus['serial'] = { state: 'off', path: '', detail: null, since: new Date().toISOString() };
  private readonly openPort: PortFactory;
  private readonly retryMs: number;
  private readonly retryMaxMs: number;
  private readonly watchMs: number;

  constructor(private readonly deps: SerialScannerDeps) {
    this.openPort = deps.openPort ?? defaultPortFactory;
    this.retryMs = deps.retryMs ?? 250;
    this.retryMaxMs = deps.retryMaxMs ?? 1000;
    this.watchMs = deps.watchMs ?? 1000;
  }

  status(): ScannerStatus {
    return { serial: { ...this.current } };
  }

  /** (Re)applies the settings: closes what is open and opens the configured port, if enabled. */
  async apply(): Promise<void> {
    const gen = ++this.generation;
    this.clearTimers();
    await this.dropPort();
    if (gen !== this.generation || this.closed) return;
    this.attempts = 0;
    const s = this.deps.settings();
    if (!s.enabled || s.path === '') {
      this.setState('off', s.path, s.enabled ? 'no port chosen' : null);
      return;
    }
    void this.connect(gen);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.generation++;
    this.clearTimers();
    await this.dropPort();
  }

  private async connect(gen: number): Promise<void> {
    const s = this.deps.settings();
    if (gen !== this.generation || this.closed) return;
    if (!existsSync(s.path) && !/^COM\d+$/i.test(s.path)) {
      this.setState('waiting', s.path, 'device not present');
      this.scheduleRetry(gen);
      return;
    }
    this.setState('opening', s.path, null);
    let port: SerialPortLike;
    try {
      port = await this.openPort(s);
    } catch (e) {
      // The library refused the settings themselves: retrying will not help until they change.
      this.setState('error', s.path, e instanceof Error ? e.message : String(e));
      return;
    }
    const opened = await new Promise<Error | null>((ok) => port.open((err) => ok(err)));
    if (gen !== this.generation || this.closed) {
      if (!opened) port.close();
      return;
    }
    if (opened) {
      port.removeAllListeners();
      this.setState('waiting', s.path, opened.message);
      this.scheduleRetry(gen);
      return;
    }
    this.port = port;
    this.framer = new SerialFramer({ framing: s.framing, idleTimeoutMs: s.idleTimeoutMs });
    this.attempts = 0;
    port.on('data', (chunk) => gen === this.generation && this.onData(chunk));
    port.on('error', (err) => console.error(`[scanner] serial ${s.path}: ${err.message}`));
    port.on('close', (err) => {
      if (gen !== this.generation || this.closed) return;
      this.lost(gen, s.path, err?.disconnected ? 'disconnected' : (err?.message ?? 'closed'));
    });
    this.watchTimer = setInterval(() => {
      if (gen === this.generation && !existsSync(s.path) && !/^COM\d+$/i.test(s.path)) this.lost(gen, s.path, 'disconnected');
    }, this.watchMs);
    this.setState('open', s.path, null);
  }

  /** The device went away: drop the port and poll until it is back. */
  private lost(gen: number, path: string, detail: string): void {
    this.clearTimers();
    void this.dropPort().then(() => {
      if (gen !== this.generation || this.closed) return;
      this.setState('waiting', path, detail);
      this.scheduleRetry(gen);
    });
  }

  private onData(chunk: Buffer): void {
    const framer = this.framer;
    if (!framer) return;
    this.emitFrames(framer.push(chunk, Date.now()));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (framer.pending) {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null;
        this.emitFrames(framer.flushIdle(Date.now()));
      }, framer.idleMs + 1);
    }
  }

  private emitFrames(frames: SerialFrame[]): void {
    for (const f of frames) {
      const scan = scanFromFrame(f);
      if (scan.error) console.warn(`[scanner] serial frame rejected: ${scan.error} (${f.kind === 'frame' ? f.bytes.length : f.bytes} bytes)`);
      else console.log(`[scanner] serial scan ${maskQrText(scan.text)}`);
      this.deps.events.emit('scan.received', scan);
    }
  }

  private scheduleRetry(gen: number): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const delay = Math.min(this.retryMs * 2 ** this.attempts, this.retryMaxMs);
    this.attempts++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect(gen);
    }, delay);
  }

  private async dropPort(): Promise<void> {
    const port = this.port;
    this.port = null;
    this.framer = null;
    if (!port) return;
    port.removeAllListeners();
    port.on('error', () => {});
    if (port.isOpen) await new Promise<void>((ok) => port.close(() => ok()));
  }

  private clearTimers(): void {
    for (const t of [this.retryTimer, this.idleTimer]) if (t) clearTimeout(t);
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.retryTimer = this.idleTimer = this.watchTimer = null;
  }

  private setState(state: State, path: string, detail: string | null): void {
    const c = this.current;
    if (c.state === state && c.path === path && c.detail === detail) return;
    this.current = { state, path, detail: detail?.slice(0, 200) ?? null, since: new Date().toISOString() };
    this.deps.events.emit('scanner.status', this.status());
  }
}
