/**
 * `npm run headoffice`: the head office server.
 *   --database-url URL  use this PostgreSQL (else: start our own under --data-dir, see embedded-pg.ts)
 *   --data-dir DIR      embedded PostgreSQL's folder (default .data/headoffice)
 *   --port N            HTTP port (default 7070; 0 = random)
 *   --host ADDR         listen address (default 127.0.0.1: loopback only; e.g. 0.0.0.0 to open it)
 * Prints where it is, and one JSON line {"event":"listening",...} for scripts.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { buildHeadOffice } from './app';
import { startEmbeddedPg, type EmbeddedPg } from './embedded-pg';
import { migrate } from './migrate';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      'data-dir': { type: 'string', default: '.data/headoffice' },
      port: { type: 'string', default: '7070' },
      host: { type: 'string', default: '127.0.0.1' },
      'pg-port': { type: 'string', default: '0' },
    },
  });
  let pg: EmbeddedPg | null = null;
  let url = values['database-url'] ?? process.env.HEADOFFICE_DATABASE_URL;
  if (!url) {
    pg = await startEmbeddedPg(resolve(values['data-dir']), Number(values['pg-port']));
    url = pg.url;
    console.log(`head office: embedded PostgreSQL in ${pg.dir} on 127.0.0.1:${pg.port}`);
  }
  const pool = new Pool({ connectionString: url, max: 10 });
  const m = await migrate(pool);
  console.log(`head office: schema ${m.from} → ${m.to}`);
  const app = await buildHeadOffice({ pool, dashboardDir: resolve(__dirname, '../../out/headoffice-dashboard') });
  const address = await app.listen({ port: Number(values.port), host: values.host });
  console.log(`head office: open ${address}/ (first start: set the dashboard password there)`);
  console.log(JSON.stringify({ event: 'listening', url: address, databaseUrl: pg ? url : '(external)' }));
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    void app
      .close()
      .then(() => pool.end())
      .finally(() => {
        pg?.stop();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`head office failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
