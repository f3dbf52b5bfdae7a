/**
 * Starts the core once on --data-dir and says how that went, as one JSON line on stdout:
 *   { ok: true } | { ok: false, code, message, detail }
 * Run by storage-faults.test.ts inside a private mount namespace (a read-only bind mount, a full
 * tmpfs) or as an unprivileged user, where the test process itself cannot be.
 */
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCore } from '../../electron/core/core';
import { startupFailureMessage } from '../../electron/core/startup-error';
import { PosError } from '../../shared/domain/errors';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
  const dataDir = values['data-dir'];
  if (!dataDir) throw new Error('usage: --data-dir D');
  let result: Record<string, unknown>;
  try {
    const core = await createCore({ dataDir, shell: 'web', version: 'storage-child' });
    await core.close();
    result = { ok: true };
  } catch (e) {
    result = { ok: false, code: e instanceof PosError ? e.code : null, message: startupFailureMessage(e, dataDir), detail: e instanceof Error ? e.message : String(e) };
  }
  writeSync(1, `${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  writeSync(1, `${JSON.stringify({ ok: false, code: null, detail: String(e) })}\n`);
  process.exit(2);
});
