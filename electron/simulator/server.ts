/**
 * The embedded payment simulator: a real Fastify HTTP server speaking the OneQ Pay dialect, with its
 * own SQLite file. Started by the app on a random loopback port, or alone through cli.ts.
 */
import formbody from '@fastify/formbody';
import Fastify, { type FastifyError } from 'fastify';
import { registerOneqPayRoutes } from './oneqpay-routes';
import { DEFAULT_QR_TTL_MS, PaymentRules } from './payment-rules';
import { SimDb } from './sim-db';
import { SimError } from './sim-errors';
import { registerWalletRoutes } from './wallet-routes';

export interface SimulatorOptions {
  dbFile: string;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** 0 = a random free port. */
  port?: number;
  logger?: boolean;
  /** Clock of the simulated backend (tests move it forward to expire QR tokens). */
  now?: () => Date;
  /** Validity of an issued QR token; default 3 minutes. */
  qrTtlMs?: number;
}

export interface Simulator {
  url: string;
  close(): Promise<void>;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const host = opts.host ?? '127.0.0.1';
  const now = opts.now ?? (() => new Date());
  const db = new SimDb(opts.dbFile);
  const rules = new PaymentRules(db, { now, qrTtlMs: opts.qrTtlMs ?? DEFAULT_QR_TTL_MS });
  let url = '';

  // The default request log has method and URL only: bodies (QR tokens, accounts) are never logged.
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 64 * 1024 });
  await app.register(formbody, { bodyLimit: 64 * 1024 });

  app.setErrorHandler((err: FastifyError | SimError, req, reply) => {
    if (err instanceof SimError) return reply.status(err.status).send(err.body());
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own rejections (bad content type, body too large, broken JSON): same JSON shape.
      // Only the error code goes back: a parser message may quote the body.
      return reply.status(status).send(new SimError(status, 'VALIDATION_FAILED', `request rejected (${err.code ?? status})`).body());
    }
    req.log.error({ err }, 'simulator bug');
    return reply.status(500).send(new SimError(500, 'INTERNAL', 'simulator error').body());
  });
  app.setNotFoundHandler((req, reply) => reply.status(404).send(new SimError(404, 'UNKNOWN_METHOD', `no route ${req.method} ${req.url.split('?')[0]}`).body()));

  app.get('/health', async () => ({ ok: true }));
  registerOneqPayRoutes(app, rules, () => url);
  registerWalletRoutes(app, rules, db, now);

  try {
    await app.listen({ host, port: opts.port ?? 0 });
  } catch (e) {
    db.close();
    throw e;
  }
  const addr = app.server.address();
  const port = addr && typeof addr === 'object' ? addr.port : (opts.port ?? 0);
  url = `http://${urlHost(host)}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url,
    close() {
      closing ??= app.close().finally(() => db.close());
      return closing;
    },
  };
}
