/**
 * Disk full / read-only data folder (issue 6): the core must say so with a typed error
 * (DISK_FULL, DATA_DIR_READONLY: ko/en in shared/domain/errors.ts, shown by the shells at start) and
 * leave the existing ledger intact (integrity_check ok, every row unchanged).
 *   - disk full while selling: SQLite's max_page_count on the running core's ledger (always runs);
 *   - disk full at start: a real full tmpfs (ENOSPC) in a private mount namespace;
 *   - read-only at start: a read-only bind mount (EROFS — stops root too) in a private mount namespace,
 *     and a folder without write permission (chmod 0555) for an unprivileged user (setpriv to nobody
 *     when the tests run as root, where chmod alone would not stop the writes).
 * What the environment cannot provide is skipped, with the reason in the test name.
 */
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { LEDGER_FILE } from '../../electron/core/db/open-ledger';
import { startupFailureMessage } from '../../electron/core/startup-error';
import type { Payment, StoreProfile } from '../../shared/contract';
import { ERROR_MESSAGES, PosError } from '../../shared/domain/errors';
import { businessNo, createCustomer, issueQr, startHarness, type Harness } from '../property/sim-harness';
import { audit, holdings } from './ledger-audit';
import { fileDigests, snapshot, type LedgerSnapshot } from './ledger-snapshot';
import { remoteCore, rpc } from './remote-core';
import { asNobody, inNamespace, mountNamespace, type Run } from './sandbox';

let h: Harness;
let root: string;
/** Pristine ledgers made by a real core: `crash` copied while it ran (-wal, -shm present), `clean` after close. */
const images = { crash: '', clean: '' };
let expected: LedgerSnapshot;
const items = [{ name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false }];
const registration = () => ({ businessNo: businessNo(), name: '하나카페', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35', postNo: '04523' });

async function sell(core: Core, customer: string): Promise<Payment> {
  const r = await rpc<Payment>(core, 'checkout', { items, qrText: await issueQr(h, customer) });
  if (!r.ok) throw new Error(`checkout: ${r.error.code}`);
  return r.value;
}

beforeAll(async () => {
  h = await startHarness({ faults: true });
  root = mkdtempSync(join(tmpdir(), 'storage-'));
  const live = join(root, 'live');
  const core = await remoteCore(live, h.url);
  const reg = await rpc<StoreProfile>(core, 'registerStore', registration());
  if (!reg.ok) throw new Error(reg.error.code);
  const c = await createCustomer(h, { name: '김저장', accounts: [{ balance: 1_000_000 }] });
  for (let i = 0; i < 3; i++) expect((await sell(core, c.id)).status).toBe('approved');
  images.crash = join(root, 'image-crash');
  mkdirSync(images.crash);
  for (const f of readdirSync(live)) if (f.startsWith(LEDGER_FILE)) copyFileSync(join(live, f), join(images.crash, f));
  await core.close();
  images.clean = join(root, 'image-clean');
  mkdirSync(images.clean);
  copyFileSync(join(live, LEDGER_FILE), join(images.clean, LEDGER_FILE));
  expected = snapshot(join(copyOf(images.clean), LEDGER_FILE));
  expect(expected).toMatchObject({ integrity: 'ok', rows: { payments: 3, store_profile: 1 } });
}, 30_000);
afterAll(async () => {
  await h.close();
  rmSync(root, { recursive: true, force: true });
});

let seq = 0;
/** A fresh copy of an image, as a data dir. */
function copyOf(image: string): string {
  const d = join(root, `data-${++seq}`);
  mkdirSync(d);
  for (const f of readdirSync(image)) copyFileSync(join(image, f), join(d, f));
  return d;
}
function expectRefused(r: Run, code: 'DISK_FULL' | 'DATA_DIR_READONLY') {
  expect(r.result, `status ${r.status}\nstdout ${r.stdout}\nstderr ${r.stderr}`).not.toBeNull();
  expect(r.result).toMatchObject({ ok: false, code });
  expect(r.result!.message).toContain(ERROR_MESSAGES[code].ko);
  expect(r.result!.message).toContain(ERROR_MESSAGES[code].en);
}

describe('disk full while selling (max_page_count on the running ledger)', () => {
  it('the failing checkout reports DISK_FULL, earlier rows are untouched, and after a restart with space nothing is lost or doubled', async () => {
    const dir = join(root, 'selling');
    let core = await remoteCore(dir, h.url, { lookupDelaysMs: [20, 50, 100] });
    try {
      const reg = await rpc<StoreProfile>(core, 'registerStore', registration());
      if (!reg.ok) throw new Error(reg.error.code);
      const c = await createCustomer(h, { name: '김가득', accounts: [{ balance: 10_000_000 }] });
      const before = holdings(join(h.dir, 'simulator.sqlite'), [c.id]);
      const pages = core.db.pragma('page_count', { simple: true }) as number;
      core.db.pragma(`max_page_count = ${pages}`); // the file may not grow: the next write needing a page fails
      const q = (sql: string) => JSON.stringify(core.db.prepare(sql).all());
      let failure: { code: string } | null = null;
      let earlier = { payments: '', events: '', maxPayment: 0, maxEvent: 0 };
      for (let i = 0; i < 100 && !failure; i++) {
        const maxPayment = (core.db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM payments').get() as { m: number }).m;
        const maxEvent = (core.db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM payment_events').get() as { m: number }).m;
        earlier = { payments: q('SELECT * FROM payments ORDER BY id'), events: q('SELECT * FROM payment_events ORDER BY id'), maxPayment, maxEvent };
        const r = await rpc<Payment>(core, 'checkout', { items, qrText: await issueQr(h, c.id) });
        if (!r.ok) failure = r.error;
        else expect(r.value.status).toBe('approved');
      }
      expect(failure, 'the ledger never filled up').not.toBeNull();
      expect(failure!.code).toBe('DISK_FULL');
      // Reads still work; what was committed before the failing checkout is exactly what it was.
      expect((await rpc(core, 'getStore')).ok).toBe(true);
      expect(q(`SELECT * FROM payments WHERE id <= ${earlier.maxPayment} ORDER BY id`)).toBe(earlier.payments);
      expect(q(`SELECT * FROM payment_events WHERE id <= ${earlier.maxEvent} ORDER BY id`)).toBe(earlier.events);
      expect((core.db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
      await core.close();

      core = await remoteCore(dir, h.url, { lookupDelaysMs: [20, 50, 100] }); // space again: recovery settles the interrupted one
      const end = Date.now() + 5000;
      while (Date.now() < end && (core.db.prepare(`SELECT count(*) AS n FROM payments WHERE status NOT IN ('approved', 'failed')`).get() as { n: number }).n > 0) await new Promise((r) => setTimeout(r, 25));
      const a = audit(join(dir, LEDGER_FILE), join(h.dir, 'simulator.sqlite'), reg.value.cid, [c.id], before);
      expect({ missing: a.missing, doubles: a.doubles, phantom: a.phantom, open: a.open }).toEqual({ missing: [], doubles: [], phantom: [], open: [] });
      expect(a.balanceDrop).toBe(a.approvedSum);
    } finally {
      await core.close();
    }
  });
});

const ns = mountNamespace();
const nsReason = 'reason' in ns ? ns.reason : '';
const nsPrefix = 'prefix' in ns ? ns.prefix : [];

describe('disk full at start (a full tmpfs in a private mount namespace)', () => {
  for (const image of ['crash', 'clean'] as const) {
    it.skipIf(!!nsReason)(`${image} ledger: DISK_FULL, the ledger unchanged${nsReason ? ` — skipped: ${nsReason}` : ''}`, () => {
      const src = copyOf(images[image]);
      const out = join(root, `out-${++seq}`);
      const mnt = join(root, `mnt-${++seq}`);
      mkdirSync(out);
      mkdirSync(mnt);
      const r = inNamespace(
        nsPrefix,
        `mount -t tmpfs -o size=4m tmpfs "$D" && cp "$SRC"/${LEDGER_FILE}* "$D"/ && { dd if=/dev/zero of="$D/fill" bs=4096 2>/dev/null; "$NODE" ${['--import', 'tsx', 'test/fault/start-core-child.ts'].join(' ')} --data-dir "$D"; cp "$D"/${LEDGER_FILE}* "$OUT"/; }`,
        { D: mnt, SRC: src, OUT: out },
      );
      expectRefused(r, 'DISK_FULL');
      expect(snapshot(join(out, LEDGER_FILE))).toEqual(expected);
    });
  }
});

describe('read-only data folder at start', () => {
  for (const image of ['crash', 'clean'] as const) {
    it.skipIf(!!nsReason)(`read-only mount (EROFS), ${image} ledger: DATA_DIR_READONLY, every file byte-identical${nsReason ? ` — skipped: ${nsReason}` : ''}`, () => {
      const d = copyOf(images[image]);
      const files = fileDigests(join(d, LEDGER_FILE));
      const r = inNamespace(nsPrefix, `mount --bind "$D" "$D" && mount -o remount,bind,ro "$D" && exec "$NODE" --import tsx test/fault/start-core-child.ts --data-dir "$D"`, { D: d });
      expectRefused(r, 'DATA_DIR_READONLY');
      expect(fileDigests(join(d, LEDGER_FILE))).toEqual(files);
      expect(readdirSync(d).sort()).toEqual(Object.keys(files).map((k) => (k === 'main' ? LEDGER_FILE : LEDGER_FILE + k)).sort());
      expect(snapshot(join(copyOf(d), LEDGER_FILE))).toEqual(expected);
    });
  }

  const isRoot = process.getuid?.() === 0;
  const nobody = isRoot ? asNobody() : null;
  const permReason = nobody && 'reason' in nobody ? nobody.reason : '';
  it.skipIf(!!permReason)(`folder without write permission (chmod 0555, ledger 0444) for ${isRoot ? 'nobody (setpriv)' : 'this user'}: DATA_DIR_READONLY, unchanged${permReason ? ` — skipped: ${permReason}` : ''}`, async () => {
    const d = copyOf(images.clean);
    const file = join(d, LEDGER_FILE);
    const files = fileDigests(file);
    try {
      if (nobody && 'run' in nobody) {
        chownSync(d, nobody.uid, nobody.uid);
        chownSync(file, nobody.uid, nobody.uid);
      }
      chmodSync(file, 0o444);
      chmodSync(d, 0o555);
      if (nobody && 'run' in nobody) {
        expectRefused(nobody.run(d), 'DATA_DIR_READONLY');
      } else {
        const { createCore } = await import('../../electron/core/core');
        const e = await createCore({ dataDir: d, shell: 'web', version: 'test' }).then(
          async (c) => (await c.close(), null),
          (err: unknown) => err,
        );
        expect(e).toBeInstanceOf(PosError);
        expect((e as PosError).code).toBe('DATA_DIR_READONLY');
      }
    } finally {
      chmodSync(d, 0o755);
      chmodSync(file, 0o644);
      if (nobody && 'cleanup' in nobody) nobody.cleanup();
    }
    expect(fileDigests(file)).toEqual(files);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(snapshot(join(copyOf(d), LEDGER_FILE))).toEqual(expected);
  });
});

describe('the start-up message', () => {
  it('names the problem (ko and en) for DISK_FULL and DATA_DIR_READONLY, and keeps the raw error otherwise', () => {
    const full = startupFailureMessage(new PosError('DISK_FULL', 'SQLITE_FULL'), '/data');
    expect(full).toContain(ERROR_MESSAGES.DISK_FULL.ko);
    expect(full).toContain(ERROR_MESSAGES.DISK_FULL.en);
    expect(full).toContain('/data');
    expect(startupFailureMessage(new PosError('DATA_DIR_READONLY'), '/data')).toContain(ERROR_MESSAGES.DATA_DIR_READONLY.ko);
    expect(startupFailureMessage(new Error('boom'), '/data')).toMatch(/Cannot open the data folder:\n\/data\n\nboom/);
  });
});
