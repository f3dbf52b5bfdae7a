/**
 * Group commit is still durable (issue 15): the simulator runs alone (the CLI, its own process) and
 * is killed with SIGKILL the moment the K-th approval answer arrives, while 16 terminals keep
 * payments in flight. Every payment whose approval answer reached a terminal must be approved in
 * the simulator's file afterwards, with its funding debited exactly once; nothing half-written.
 * Repeated for a few kill points (GC_KILL_ROUNDS) so a kill lands at different batch positions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { createGateway } from '../../electron/core/services/gateway/create-gateway';
import { toOneqDateTime } from '../../shared/domain/time';

const ROUNDS = Number(process.env.GC_KILL_ROUNDS ?? 3);
const TERMINALS = 16;
const dir = mkdtempSync(join(tmpdir(), 'gc-kill-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function startCli(dbFile: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../electron/simulator/cli.ts'), '--port', '0', '--db', dbFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`simulator did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`simulator exited ${code}: ${out}`)));
  });
  return { url, child };
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

it('every approval answered before a kill -9 is in the simulator file afterwards', { timeout: 120_000 }, async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const dbFile = join(dir, `sim-${round}.sqlite`);
    const { url, child } = await startCli(dbFile);
    const setup = createGateway({ dialect: 'oneqpay', baseUrl: url, timeoutMs: 10_000 });
    const reg = await setup.registerStore({ businessNo: '220-81-62517', name: '킬 테스트', phone: '02', address1: 'a', address2: 'b', postNo: '' });
    const balance = 1_000_000_000;
    const customer = await post<{ id: string }>(`${url}/wallet/api/customers`, { name: '킬고객', accounts: [{ balance }] });
    const gw = createGateway({ dialect: 'oneqpay', baseUrl: url, timeoutMs: 10_000, credentials: { cidSecret: reg.cidSecret, adminKey: reg.adminKey } });
    const killAt = 40 + round * 37; // different batch positions each round
    const answered: { tid: string; amount: number }[] = [];
    let killed = false;
    let seq = 0;
    await Promise.all(
      Array.from({ length: TERMINALS }, async (_, t) => {
        for (let i = 0; i < 200 && !killed; i++) {
          const amount = 1000 + ((t * 7 + i) % 50) * 10;
          try {
            const { qr_text } = await post<{ qr_text: string }>(`${url}/wallet/api/customers/${customer.id}/qr`, {});
            const req = { cid: reg.cid, categoryCd: reg.categoryCd, storeName: '킬', itemName: '커피', memberId: 'guest', orderId: `K${round}-${t}-${++seq}`, quantity: 1, amount, qrToken: qr_text, approvalUrl: 'app://pos/a', cancelUrl: 'app://pos/c', failUrl: 'app://pos/f' };
            const ready = await gw.ready(req);
            const ok = await gw.approve({ ...req, tranDt: toOneqDateTime(new Date()), tid: ready.tid });
            if (killed) return; // answered after the kill was sent: not counted (it may or may not be there)
            answered.push({ tid: ok.tid, amount });
            if (answered.length === killAt) {
              killed = true;
              child.kill('SIGKILL'); // synchronously, right after this answer
            }
          } catch {
            if (killed) return; // connections cut by the kill
            throw new Error('a payment failed before the kill');
          }
        }
      }),
    );
    expect(killed).toBe(true);
    await new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
    expect(child.signalCode).toBe('SIGKILL');

    const db = new Database(dbFile, { readonly: true });
    try {
      const status = db.prepare('SELECT status, amount FROM payments WHERE tid = ?');
      for (const a of answered) {
        expect(status.get(a.tid), `approved ${a.tid} must survive the kill`).toEqual({ status: 'SUCCESS_PAYMENT', amount: a.amount });
      }
      // Funding moved exactly once per approved payment in the file (answered or not).
      const approvedSum = (db.prepare("SELECT COALESCE(SUM(p.amount), 0) AS s FROM payments p WHERE p.status = 'SUCCESS_PAYMENT' AND p.customer_id = ?").get(customer.id) as { s: number }).s;
      const left = (db.prepare('SELECT SUM(balance) AS b FROM accounts WHERE customer_id = ?').get(customer.id) as { b: number }).b;
      expect(left + approvedSum).toBe(balance);
      expect(approvedSum).toBeGreaterThanOrEqual(answered.reduce((s, a) => s + a.amount, 0));
    } finally {
      db.close();
    }
  }
});
