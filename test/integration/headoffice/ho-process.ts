/** The head office as a child process (`headoffice/server/main.ts`) so a test can kill -9 it. */
import { spawn, type ChildProcess } from 'node:child_process';

export class HeadOfficeProcess {
  child: ChildProcess | null = null;
  constructor(
    readonly databaseUrl: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const c = spawn(process.execPath, ['--import', 'tsx', 'headoffice/server/main.ts', '--database-url', this.databaseUrl, '--port', String(this.port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = c;
    let err = '';
    c.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const t = setTimeout(() => reject(new Error(`head office did not start: ${err}`)), 60_000);
      c.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('"event":"listening"')) {
          clearTimeout(t);
          resolve();
        }
      });
      c.on('exit', (code) => {
        clearTimeout(t);
        reject(new Error(`head office exited ${code}: ${err}`));
      });
    });
  }

  kill9(): Promise<void> {
    const c = this.child;
    this.child = null;
    if (!c || c.exitCode !== null) return Promise.resolve();
    return new Promise((r) => {
      c.once('exit', () => r());
      c.kill('SIGKILL');
    });
  }
}
