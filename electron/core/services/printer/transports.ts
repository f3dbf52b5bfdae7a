/**
 * Byte links to a printer: network (tcp://host:9100), device path (/dev/usb/lp0) and serial port.
 * One link carries the job and the status conversation (a status answer can only come back on the
 * connection the job went out on). Opening fails with a TransportError classified 'offline'.
 * Nothing is retried in the background: a write either completes or the attempt fails.
 */
import { constants as fsc } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import net from 'node:net';
import type { PrinterTransport } from '../../../../shared/domain/receipt/printer-settings';

export interface PrinterLink {
  readonly description: string;
  /** Resolves when the bytes are handed to the OS (not when printed). */
  write(bytes: Buffer): Promise<void>;
  onData(listener: (chunk: Buffer) => void): void;
  onClose(listener: (err?: Error) => void): void;
  close(): Promise<void>;
}

export class TransportError extends Error {
  constructor(
    readonly state: 'offline',
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface OpenOptions {
  connectTimeoutMs?: number;
}

class Listeners {
  data: ((c: Buffer) => void)[] = [];
  close: ((e?: Error) => void)[] = [];
  closed = false;
  emitData(c: Buffer) {
    for (const l of this.data) l(c);
  }
  emitClose(e?: Error) {
    if (this.closed) return;
    this.closed = true;
    for (const l of this.close) l(e);
  }
}

export function openTcp(host: string, port: number, opts: OpenOptions = {}): Promise<PrinterLink> {
  const description = `tcp://${host}:${port}`;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const ls = new Listeners();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new TransportError('offline', `${description}: connect timeout`));
    }, opts.connectTimeoutMs ?? 3000);
    socket.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new TransportError('offline', `${description}: ${e.code ?? e.message}`));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.setNoDelay(true);
      socket.removeAllListeners('error');
      socket.on('error', (e) => ls.emitClose(e));
      socket.on('close', () => ls.emitClose());
      socket.on('data', (c) => ls.emitData(c));
      resolve({
        description,
        write: (bytes) =>
          new Promise<void>((res, rej) => {
            if (ls.closed) return rej(new TransportError('offline', `${description}: connection closed`));
            socket.write(bytes, (err) => (err ? rej(new TransportError('offline', `${description}: ${err.message}`)) : res()));
          }),
        onData: (l) => void ls.data.push(l),
        onClose: (l) => void ls.close.push(l),
        close: () =>
          new Promise<void>((res) => {
            if (ls.closed || socket.destroyed) return res();
            socket.once('close', () => res());
            socket.end();
            setTimeout(() => {
              socket.destroy();
              res();
            }, 500).unref();
          }),
      });
    });
  });
}

/**
 * A printer device node (usblp, parallel, a printer's character device). Opened read-write without
 * O_CREAT (a missing device is "offline", never a new regular file) and non-blocking, so status
 * bytes are polled without tying up a libuv thread.
 */
export async function openDevice(path: string, opts: { pollMs?: number } = {}): Promise<PrinterLink> {
  let fh: FileHandle;
  try {
    fh = await open(path, fsc.O_RDWR | fsc.O_NONBLOCK | fsc.O_NOCTTY);
  } catch (e) {
    throw new TransportError('offline', `${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const ls = new Listeners();
  const buf = Buffer.alloc(64);
  let reading = false;
  const poll = setInterval(() => {
    if (reading || ls.closed) return;
    reading = true;
    fh.read(buf, 0, buf.length, null)
      .then(({ bytesRead }) => {
        if (bytesRead > 0) ls.emitData(Buffer.from(buf.subarray(0, bytesRead)));
      })
      .catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EAGAIN' && e.code !== 'EWOULDBLOCK') ls.emitClose(e);
      })
      .finally(() => (reading = false));
  }, opts.pollMs ?? 20);
  const writeAll = async (bytes: Buffer) => {
    let off = 0;
    while (off < bytes.length) {
      try {
        const { bytesWritten } = await fh.write(bytes, off, bytes.length - off, null);
        off += bytesWritten;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw new TransportError('offline', `${path}: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  };
  return {
    description: path,
    write: writeAll,
    onData: (l) => void ls.data.push(l),
    onClose: (l) => void ls.close.push(l),
    close: async () => {
      clearInterval(poll);
      while (reading) await new Promise((r) => setTimeout(r, 5));
      ls.emitClose();
      await fh.close().catch(() => undefined);
    },
  };
}

/** The part of serialport's SerialPort we use; tests pass SerialPortMock. */
export interface SerialPortLike {
  open(cb: (err: Error | null) => void): void;
  write(data: Buffer, cb?: (err: Error | null | undefined) => void): boolean;
  drain(cb: (err: Error | null) => void): void;
  close(cb?: (err: Error | null) => void): void;
  on(event: 'data', l: (c: Buffer) => void): this;
  on(event: 'close' | 'error', l: (e?: Error) => void): this;
  readonly isOpen: boolean;
}
export type SerialPortFactory = (o: { path: string; baudRate: number; autoOpen: false }) => SerialPortLike | Promise<SerialPortLike>;

const defaultSerial: SerialPortFactory = async (o) => {
  // Loaded on use: the native binding is only needed when a serial printer is configured.
  const { SerialPort } = await import('serialport');
  return new SerialPort(o) as unknown as SerialPortLike;
};

export async function openSerial(path: string, baudRate: number, opts: { factory?: SerialPortFactory } = {}): Promise<PrinterLink> {
  const description = `serial:${path}@${baudRate}`;
  const port = await (opts.factory ?? defaultSerial)({ path, baudRate, autoOpen: false });
  const ls = new Listeners();
  return new Promise((resolve, reject) => {
    port.open((err) => {
      if (err) return reject(new TransportError('offline', `${description}: ${err.message}`));
      port.on('data', (c) => ls.emitData(c));
      port.on('close', (e) => ls.emitClose(e));
      port.on('error', (e) => ls.emitClose(e));
      resolve({
        description,
        write: (bytes) =>
          new Promise<void>((res, rej) => {
            port.write(bytes, (e) => {
              if (e) return rej(new TransportError('offline', `${description}: ${e.message}`));
              port.drain((e2) => (e2 ? rej(new TransportError('offline', `${description}: ${e2.message}`)) : res()));
            });
          }),
        onData: (l) => void ls.data.push(l),
        onClose: (l) => void ls.close.push(l),
        close: () =>
          new Promise<void>((res) => {
            if (!port.isOpen) return res();
            port.close(() => res());
          }),
      });
    });
  });
}

export interface TransportDeps {
  serialFactory?: SerialPortFactory;
}

export function openTransport(t: PrinterTransport, opts: OpenOptions & TransportDeps = {}): Promise<PrinterLink> {
  switch (t.kind) {
    case 'tcp':
      return openTcp(t.host, t.port, opts);
    case 'device':
      return openDevice(t.path);
    case 'serial':
      return openSerial(t.path, t.baudRate, opts.serialFactory ? { factory: opts.serialFactory } : {});
    case 'none':
      return Promise.reject(new TransportError('offline', 'no printer configured'));
  }
}
