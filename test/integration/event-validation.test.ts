/**
 * Every pushed event is checked against the contract's event schemas at runtime (issue 10 §5): in the core's
 * EventBus, which both shells subscribe to (Electron ipc.ts → webContents.send, web shell → SSE), and again
 * where the renderer receives them (createPosClient). An event outside the contract is dropped, never pushed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { EventBus } from '../../electron/core/events';
import { startWebShell, type WebShell } from '../../electron/core/web-shell';
import { createPosClient } from '../../shared/client';
import type { PosEvent } from '../../shared/contract';

const printer = (at: string) => ({ printer: 'tcp://127.0.0.1:9100', status: { state: 'ok', paperNearEnd: false }, at });
const GOOD = printer('2026-11-22T01:00:00.000Z');
const BAD = [
  { name: 'printer.status', payload: { printer: 'x', status: { state: 'melted' }, at: 'yesterday' } },
  { name: 'payment.updated', payload: { id: 'one' } },
  { name: 'no.such.event', payload: {} },
] as unknown as PosEvent[];

describe('EventBus (what both shells forward)', () => {
  it('delivers a valid event and drops one outside the contract, saying why', () => {
    const bus = new EventBus();
    const seen: PosEvent[] = [];
    bus.subscribe((e) => seen.push(e));
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const b of BAD) bus.emit(b.name, b.payload as never);
      bus.emit('printer.status', GOOD as never);
      expect(seen).toEqual([{ name: 'printer.status', payload: GOOD }]);
      expect(err.mock.calls.map((c) => String(c[0]))).toEqual(BAD.map(() => expect.stringContaining('dropped an event outside the contract')));
    } finally {
      err.mockRestore();
    }
  });
});

describe('the renderer side (createPosClient)', () => {
  it('hands a handler only events that fit the contract, in order', async () => {
    let push: (e: PosEvent) => void = () => undefined;
    const client = createPosClient({ invoke: () => Promise.reject(new Error('unused')), subscribe: (l) => ((push = l), () => undefined) });
    const got: unknown[] = [];
    client.on('printer.status', (p) => got.push(p));
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      push(BAD[0]!);
      push({ name: 'printer.status', payload: GOOD } as PosEvent);
      push({ name: 'printer.status', payload: printer('2026-11-22T01:00:01.000Z') } as PosEvent);
      // the check loads on the first subscription; events wait for it and keep their order
      await vi.waitFor(() => expect(got).toHaveLength(2));
      expect(err).toHaveBeenCalledTimes(1);
    } finally {
      err.mockRestore();
    }
    expect(got).toEqual([GOOD, printer('2026-11-22T01:00:01.000Z')]);
  });
});

describe('the web shell (SSE)', () => {
  let dir: string;
  let core: Core;
  let shell: WebShell;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'events-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>pos</title>');
    core = await createCore({ dataDir: join(dir, 'data'), shell: 'web', version: 'test' });
    shell = await startWebShell({ router: core.router, events: core.events, rendererDir: join(dir, 'renderer') });
  });
  afterAll(async () => {
    await shell.close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams valid events only', async () => {
    const u = new URL(shell.url);
    const body = await new Promise<string>((ok, fail) => {
      let text = '';
      const req = request({ host: u.hostname, port: u.port, path: `/events?token=${shell.token}` }, (res) => {
        res.on('data', (d: Buffer) => {
          text += d.toString();
          if (text.includes('connected') && !text.includes('printer.status')) {
            const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
            for (const b of BAD) core.events.emit(b.name, b.payload as never);
            err.mockRestore();
            core.events.emit('printer.status', GOOD as never);
          }
          if (text.includes('"printer.status"')) req.destroy();
        });
        res.on('close', () => ok(text));
      });
      req.on('error', (e) => (e.message.includes('socket hang up') || e.message.includes('aborted') ? ok(text) : fail(e)));
      req.setTimeout(5000, () => req.destroy());
      req.end();
    });
    const data = body
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)) as { name?: string });
    expect(data.filter((d) => d.name !== undefined)).toEqual([{ name: 'printer.status', payload: GOOD }]);
  });
});
