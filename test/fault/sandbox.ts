/**
 * Where a storage fault is real, not pretended: a private mount namespace (`unshare -m`, or `-rm` with a
 * user namespace when not root) for a read-only bind mount (EROFS, which stops root too) or a small
 * full tmpfs (ENOSPC); `setpriv` to run as an unprivileged user when the tests run as root (chmod does
 * not stop root). Each probe says why it is unavailable, for the skip message.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHILD = ['--import', 'tsx', 'test/fault/start-core-child.ts'];
const NOBODY = 65534;

export interface ChildResult {
  ok: boolean;
  code: string | null;
  message?: string;
  detail?: string;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  result: ChildResult | null;
}

function run(cmd: string, args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(cmd, args, { cwd: process.cwd(), env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
  const last = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  let result: ChildResult | null = null;
  try {
    result = JSON.parse(last) as ChildResult;
  } catch {
    /* no result line */
  }
  return { status: r.status, stdout: r.stdout ?? '', stderr: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`, result };
}

/** The unshare prefix that gives a private mount namespace where tmpfs and bind mounts work, or why none does. */
export function mountNamespace(): { prefix: string[] } | { reason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ns-probe-'));
  try {
    const tries: string[][] = process.getuid?.() === 0 ? [['unshare', '-m'], ['unshare', '-rm']] : [['unshare', '-rm']];
    const errors: string[] = [];
    for (const prefix of tries) {
      const r = run(prefix[0]!, [...prefix.slice(1), 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs "${dir}" && mount --bind "${dir}" "${dir}" && mount -o remount,bind,ro "${dir}"`]);
      if (r.status === 0) return { prefix };
      errors.push(`${prefix.join(' ')}: ${r.stderr.trim().split('\n')[0] ?? r.status}`);
    }
    return { reason: `no private mount namespace (${errors.join('; ')})` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a shell script in a private mount namespace; $NODE is this Node. */
export function inNamespace(prefix: string[], script: string, env: Record<string, string>): Run {
  return run(prefix[0]!, [...prefix.slice(1), 'sh', '-c', script], { ...env, NODE: process.execPath });
}

/** As root: a way to run the start-core child as `nobody` (setpriv, and a Node that nobody may execute). */
export function asNobody(): { run(dataDir: string): Run; uid: number; cleanup(): void } | { reason: string } {
  if (process.getuid?.() !== 0) return { reason: 'not root' };
  if (!['/usr/bin/setpriv', '/bin/setpriv'].some((p) => existsSync(p))) return { reason: 'setpriv is not installed' };
  // The Node binary may sit in root's home (0700): give nobody a hard link (or a copy) in a readable place.
  const dir = mkdtempSync(join(tmpdir(), 'node-nobody-'));
  chmodSync(dir, 0o755);
  const node = join(dir, 'node');
  try {
    linkSync(process.execPath, node);
  } catch {
    copyFileSync(process.execPath, node);
  }
  chmodSync(node, 0o755);
  const probe = run('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', node, '-e', 'process.exit(0)']);
  if (probe.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `setpriv to nobody failed: ${probe.stderr.trim().split('\n')[0] ?? probe.status}` };
  }
  return {
    uid: NOBODY,
    run: (dataDir) => run('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', node, ...CHILD, '--data-dir', dataDir]),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
