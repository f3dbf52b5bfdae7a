/**
 * Parent side of core-child.ts: spawns the core in a child process (tsx), reads its JSON-line
 * announcements, waits for one of them (bounded), and kills it with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface ChildEvent {
  ev: string;
  id?: number | null;
  status?: string;
  code?: string | null;
  open?: number[];
  message?: string;
}

export interface CoreChildOptions {
  dataDir: string;
  backend: string;
  customers: readonly string[];
  seed: number;
  checkouts?: number;
  holdAt?: string;
  holdNth?: number;
  dialect?: 'oneqpay' | 'kakaopay';
  flow?: 'sale' | 'refund' | 'mpm';
  /** Business number the child registers its store with (default a fixed one). */
  businessNo?: string;
  /** Default: TSX_ENTRY. */
  entry?: ChildEntry;
}

const SCRIPT = 'test/fault/core-child.ts';

/**
 * How the child is started: one Node process either way (tsx's cli.mjs would run the script in a
 * grandchild that a SIGKILL of the cli does not reach: the "killed" core would go on running).
 * `bundleChild` compiles core-child.ts and the product code it imports with esbuild (what tsx uses
 * too) into one CommonJS file, packages left to node_modules: a restart then costs ~0.3 s instead of
 * ~1 s of tsx's per-module hooks, which is most of the kill test's time. Falls back to `--import tsx`.
 */
export type ChildEntry = { args: string[]; env: Record<string, string> };
export const TSX_ENTRY: ChildEntry = { args: ['--import', 'tsx', SCRIPT], env: {} };

export async function bundleChild(outDir: string): Promise<ChildEntry> {
  try {
    const esbuild = await import('esbuild');
    const outfile = join(outDir, 'core-child.cjs');
    await esbuild.build({ entryPoints: [SCRIPT], bundle: true, platform: 'node', format: 'cjs', target: 'node22', packages: 'external', outfile, logLevel: 'error' });
    return { args: [outfile], env: { NODE_PATH: resolve('node_modules') } };
  } catch (e) {
    console.warn(`[core-child] esbuild bundle failed, using tsx: ${e instanceof Error ? e.message : String(e)}`);
    return TSX_ENTRY;
  }
}

export class CoreChild {
  readonly events: ChildEvent[] = [];
  readonly exited: Promise<number | null>;
  private readonly proc: ChildProcess;
  private readonly waiters = new Set<() => void>();
  private stderr = '';
  private exitCode: number | null | undefined;
  killed = false;

  constructor(o: CoreChildOptions) {
    const entry = o.entry ?? TSX_ENTRY;
    const args = [...entry.args, '--data-dir', o.dataDir, '--backend', o.backend, '--customers', o.customers.join(','), '--seed', String(o.seed)];
    if (o.checkouts !== undefined) args.push('--checkouts', String(o.checkouts));
    if (o.dialect) args.push('--dialect', o.dialect);
    if (o.flow) args.push('--flow', o.flow);
    if (o.businessNo) args.push('--business-no', o.businessNo);
    if (o.holdAt) args.push('--hold-at', o.holdAt, '--hold-nth', String(o.holdNth ?? 1));
    this.proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_NO_WARNINGS: '1', ...entry.env } });
    createInterface({ input: this.proc.stdout! }).on('line', (line) => {
      try {
        this.events.push(JSON.parse(line) as ChildEvent);
      } catch {
        this.events.push({ ev: 'noise', message: line });
      }
      for (const w of [...this.waiters]) w();
    });
    this.proc.stderr!.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    this.exited = new Promise((resolve) =>
      this.proc.once('exit', (code) => {
        this.exitCode = code;
        for (const w of [...this.waiters]) w();
        resolve(code);
      }),
    );
  }

  get stderrTail(): string {
    return this.stderr;
  }

  /** Resolves with the first event (from index `from`) matching pred; null when the child exits or ms pass. */
  waitFor(pred: (e: ChildEvent) => boolean, ms: number, from = 0): Promise<ChildEvent | null> {
    return new Promise((resolve) => {
      const check = () => {
        const hit = this.events.slice(from).find(pred);
        if (hit || this.exitCode !== undefined) {
          clearTimeout(t);
          this.waiters.delete(check);
          resolve(hit ?? null);
        }
      };
      const t = setTimeout(() => {
        this.waiters.delete(check);
        resolve(null);
      }, ms);
      this.waiters.add(check);
      check();
    });
  }

  async kill(): Promise<void> {
    if (this.exitCode === undefined) {
      this.killed = true;
      this.proc.kill('SIGKILL');
    }
    await this.exited;
  }
}
