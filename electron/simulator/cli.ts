/**
 * Runs the simulator alone:
 *   npm run simulator -- --port 8080 [--host 127.0.0.1] [--db path] [--log] [--require-auth]
 *                        [--faults] [--fault path=/pay/success,mode=code,code=A0007,count=2 ...]
 * Use --host 0.0.0.0 to let a phone on the LAN open the wallet page. --faults enables the fault
 * injection endpoints (/sim/faults, loopback callers only); each --fault adds a rule at start
 * (and implies --faults). --require-auth makes OneQ Pay calls need the merchant's cid_secret.
 */
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { FaultSpec } from './faults';
import { startSimulator } from './server';

function usage(msg: string): never {
  console.error(`${msg}\nusage: npm run simulator -- [--port 8080] [--host 127.0.0.1] [--db ./.data/simulator.sqlite] [--log] [--require-auth] [--faults] [--fault path=/pay/success,mode=timeout,count=1]`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        db: { type: 'string', default: './.data/simulator.sqlite' },
        log: { type: 'boolean', default: false },
        'require-auth': { type: 'boolean', default: false },
        faults: { type: 'boolean', default: false },
        fault: { type: 'string', multiple: true, default: [] },
      },
      strict: true,
    }));
  } catch (e) {
    usage(e instanceof Error ? e.message : String(e));
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`invalid --port ${values.port}`);

  const rules: FaultSpec[] = values.fault.map((spec) => Object.fromEntries(spec.split(',').map((kv) => kv.split('=', 2) as [string, string])) as unknown as FaultSpec);
  const faults = rules.length > 0 ? rules : values.faults;

  const sim = await startSimulator({ dbFile: resolve(values.db), host: values.host, port, logger: values.log, requireMerchantAuth: values['require-auth'], faults });
  console.log(`OneQ Pay / Kakao Pay simulator listening on ${sim.url}  (db ${resolve(values.db)})`);
  console.log(`  wallets: ${sim.url}/wallet   demo wallet: ${sim.url}/wallet/demo`);
  if (faults) console.log(`  fault injection: ${sim.url}/sim/faults (loopback only)${rules.length ? `, ${rules.length} rule(s) preset` : ''}`);
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
