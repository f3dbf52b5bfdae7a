/**
 * Runs the simulator alone:  npm run simulator -- --port 8080 [--host 127.0.0.1] [--db path] [--log]
 * Use --host 0.0.0.0 to let a phone on the LAN open the wallet page.
 */
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSimulator } from './server';

function usage(msg: string): never {
  console.error(`${msg}\nusage: npm run simulator -- [--port 8080] [--host 127.0.0.1] [--db ./.data/simulator.sqlite] [--log]`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' }, db: { type: 'string', default: './.data/simulator.sqlite' }, log: { type: 'boolean', default: false } },
      strict: true,
    }));
  } catch (e) {
    usage(e instanceof Error ? e.message : String(e));
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`invalid --port ${values.port}`);

  const sim = await startSimulator({ dbFile: resolve(values.db), host: values.host, port, logger: values.log });
  console.log(`OneQ Pay simulator listening on ${sim.url}  (db ${resolve(values.db)})`);
  console.log(`  demo wallet: ${sim.url}/wallet/demo`);
  if (values.host === '0.0.0.0') {
    const port = new URL(sim.url).port;
    for (const nets of Object.values(networkInterfaces()))
      for (const n of nets ?? []) if (n.family === 'IPv4' && !n.internal) console.log(`  on the LAN:  http://${n.address}:${port}/wallet/demo`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing the simulator`);
    sim.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error('simulator failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
