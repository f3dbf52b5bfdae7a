/**
 * A terminal in its own process for the kill -9 tests: opens the core on --data-dir with the pusher
 * OFF, makes --sales checkouts (each committed locally, none pushed), prints {"ev":"committed",n}
 * and waits to be killed.
 */
import { parseArgs } from 'node:util';
import { createCore } from '../../../electron/core/core';
import { ensureDrawerOpen } from '../../fixtures/drawer-session';

async function main(): Promise<void> {
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, sales: { type: 'string', default: '2' } } });
const core = await createCore({ dataDir: values['data-dir']!, shell: 'web', version: 'kill-test', lookupDelaysMs: [50, 100], sync: { disabled: true } });
await ensureDrawerOpen(core);
const n = Number(values.sales);
for (let i = 0; i < n; i++) {
  const qr = (await core.router.call('issueDemoQr', {})) as { ok: true; value: { qrText: string } };
  const r = await core.router.call('checkout', { items: [{ name: '카페라떼', unitPrice: 5000 + i * 100, quantity: 1, taxFree: false }], qrText: qr.value.qrText });
  if (!r.ok) {
    console.log(JSON.stringify({ ev: 'error', error: r.error }));
    process.exit(1);
  }
}
console.log(JSON.stringify({ ev: 'committed', n }));
setInterval(() => undefined, 1000);
}
void main();
