/**
 * A real serial line for tests: socat makes two linked pseudo-terminals. The app opens `appPath` as its
 * scanner port (a symlink, like /dev/serial/by-id/…); the test plays the scanner by writing into
 * `scannerPath`. `unplug()` kills socat (the app sees the line drop, the links vanish) and `replug()`
 * makes a new pair on the same links — a scanner pulled out and plugged back in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, writeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SerialPair {
  dir: string;
  /** The end the app opens. */
  appPath: string;
  /** The end the test writes scans into. */
  scannerPath: string;
  write(data: string | Uint8Array): void;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  close(): Promise<void>;
}

export function socatAvailable(): boolean {
  return ['/usr/bin/socat', '/bin/socat', '/usr/local/bin/socat'].some((p) => existsSync(p));
}

async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`serial pair: ${what} not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function openSerialPair(): Promise<SerialPair> {
  const dir = mkdtempSync(join(tmpdir(), 'pos-serial-'));
  const appPath = join(dir, 'scanner-app');
  const scannerPath = join(dir, 'scanner-device');
  let proc: ChildProcess | null = null;

  const start = async () => {
    const p = spawn('socat', [`pty,raw,echo=0,link=${appPath}`, `pty,raw,echo=0,link=${scannerPath}`], { stdio: 'ignore' });
    proc = p;
    await waitFor(() => existsSync(appPath) && existsSync(scannerPath), 5000, 'pty links');
  };
  const stop = async () => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((ok) => {
      p.once('exit', () => ok());
      p.kill('SIGTERM');
    });
    await waitFor(() => !existsSync(appPath) && !existsSync(scannerPath), 5000, 'links removed');
  };
  await start();
  return {
    dir,
    appPath,
    scannerPath,
    write(data) {
      const fd = openSync(scannerPath, 'w');
      try {
        const buf = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
        writeSync(fd, buf);
      } finally {
        closeSync(fd);
      }
    },
    unplug: stop,
    replug: start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
