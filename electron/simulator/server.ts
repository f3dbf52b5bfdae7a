/**
 * The embedded payment simulator: a real Fastify HTTP server speaking the OneQ Pay and Kakao Pay
 * dialects, with its own SQLite file. Started by the app on a random loopback port, or alone through
 * cli.ts. See README.md in this folder for the endpoints, the QR payload and the extensions.
 */
import { createHash } from 'node:crypto';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyError } from 'fastify';
import { seedDemoCustomers } from './customers';
import { registerCashReceiptRoutes } from './cash-receipt-routes';
import { registerFaultRoutes } from './fault-routes';
import { checkHostAndOrigin, GUARDED } from './host-guard';
import { Faults, type FaultSpec } from './faults';
import { isKakaoPath, kakaoError } from './kakaopay-format';
import { registerKakaoPayPages } from './kakaopay-pages';
import { registerKakaoPayRoutes } from './kakaopay-routes';
import { registerOneqPhonePages } from './oneqpay-phone-pages';
import { registerOneqPayRoutes } from './oneqpay-routes';
import { DEFAULT_QR_TTL_MS, DEFAULT_READY_TTL_MS, PaymentRules } from './payment-rules';
import { SimDb } from './sim-db';
import { SimError } from './sim-errors';
import { registerWalletRoutes } from './wallet-routes';
import { wireStep, type WireEvent } from './wire-events';

export interface SimulatorOptions {
  dbFile: string;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** 0 = a random free port. */
  port?: number;
  /** Request log (method, path, status only); `{ stream }` sends it somewhere else than stdout. */
  logger?: boolean | { stream: { write(line: string): void } };
  /** Clock of the simulated backend (tests move it forward to expire QR tokens). */
  now?: () => Date;
  /** Validity of an issued QR token; default 3 minutes. */
  qrTtlMs?: number;
  /** How long a tid can be approved after ready; default 15 minutes (both dialects). */
  readyTtlMs?: number;
  /**
   * OneQ Pay dialect: refuse merchant calls without credentials (Authorization: SECRET_KEY <cid_secret>
   * or a cid_secret field). Default false, so a terminal that sends none keeps working. A credential
   * that is sent is always checked, and the Kakao Pay dialect always requires one.
   */
  requireMerchantAuth?: boolean;
  /** Enables fault injection (/sim/faults, loopback only), optionally with initial rules. Default off. */
  faults?: boolean | readonly FaultSpec[];
  /**
   * Master secret for QR MACs and merchant keys. Default: a random secret kept in the simulator's
   * database. Simulators given the same secret accept each other's QR MACs (QR_UNKNOWN, not QR_TAMPERED).
   */
  secret?: string;
  /** Test hook (wire-events.ts): called when a payment step's request is received and when it is committed. */
  onWire?: (ev: WireEvent) => void;
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
  const secret = createHash('sha256').update(opts.secret ?? db.meta('secret')!).digest();
  const rules = new PaymentRules(db, { now, qrTtlMs: opts.qrTtlMs ?? DEFAULT_QR_TTL_MS, readyTtlMs: opts.readyTtlMs ?? DEFAULT_READY_TTL_MS, secret });
  const faults = new Faults(opts.faults !== undefined && opts.faults !== false);
  try {
    seedDemoCustomers(db, rules.customers, now().toISOString());
    if (Array.isArray(opts.faults)) for (const f of opts.faults) faults.add(f);
  } catch (e) {
    db.close();
    throw e;
  }
  let url = '';

  // The request log has method and path only: no bodies (QR tokens, accounts, cid_secret), no query
  // strings, no headers (Authorization).
  const logger = opts.logger
    ? {
        ...(typeof opts.logger === 'object' ? { stream: opts.logger.stream } : {}),
        serializers: {
          req: (r: { method: string; url: string }) => ({ method: r.method, url: r.url.split('?')[0] }),
          res: (r: { statusCode: number }) => ({ statusCode: r.statusCode }),
        },
      }
    : false;
  const app = Fastify({ logger, bodyLimit: 64 * 1024 });
  await app.register(formbody, { bodyLimit: 64 * 1024 });

  // The Kakao Pay dialect (/v1/…, /online/v1/…) answers errors in Kakao's shape and statuses; everything else in the simulator's.
  const send = (req: { url: string }, reply: import('fastify').FastifyReply, e: SimError) => {
    // 현금영수증 (/v1/cash-receipts, Toss Payments-style) answer in the simulator's { code, message } shape
    if (!isKakaoPath(req.url) || req.url.startsWith('/v1/cash-receipts')) return reply.status(e.status).send(e.body());
    const k = kakaoError(e);
    return reply.status(k.status).send(k.body);
  };
  app.setErrorHandler((err: FastifyError | SimError, req, reply) => {
    if (err instanceof SimError) return send(req, reply, err);
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own rejections (bad content type, body too large, broken JSON): same JSON shape.
      // Only the error code goes back: a parser message may quote the body.
      return send(req, reply, new SimError(status, 'VALIDATION_FAILED', `request rejected (${err.code ?? status})`));
    }
    req.log.error({ err }, 'simulator bug');
    return send(req, reply, new SimError(500, 'INTERNAL', 'simulator error'));
  });
  // Group commit (issue 15): no answer leaves before the changes it reports are durable.
  const onWire = opts.onWire;
  app.addHook('onSend', async (req, reply, payload) => {
    await db.durable();
    const w = onWire && wireStep(req.method, req.url);
    if (w) onWire({ ...w, phase: 'committed', status: reply.statusCode });
    return payload;
  });
  if (onWire)
    app.addHook('preHandler', async (req) => {
      const w = wireStep(req.method, req.url);
      if (w) onWire({ ...w, phase: 'received' });
    });
  app.setNotFoundHandler((req, reply) => send(req, reply, new SimError(404, 'UNKNOWN_METHOD', `no route ${req.method} ${req.url.split('?')[0]}`)));

  // Admin and wallet API: Host and Origin must be this server's own (host-guard.ts).
  let boundPort = 0;
  app.addHook('onRequest', async (req) => {
    if (GUARDED(req.url.split('?')[0]!)) checkHostAndOrigin(req, boundPort);
  });

  app.get('/health', faults.wrap(async () => ({ ok: true })));
  registerOneqPayRoutes(app, { rules, faults, fallbackBase: () => url, requireMerchantAuth: opts.requireMerchantAuth ?? false });
  registerKakaoPayRoutes(app, { rules, faults, fallbackBase: () => url });
  registerKakaoPayPages(app, rules, () => url);
  registerOneqPhonePages(app, rules, () => url);
  registerWalletRoutes(app, rules);
  registerCashReceiptRoutes(app, { db, faults, now });
  if (faults.enabled) registerFaultRoutes(app, faults);

  try {
    await app.listen({ host, port: opts.port ?? 0 });
  } catch (e) {
    db.close();
    throw e;
  }
  const addr = app.server.address();
  const port = addr && typeof addr === 'object' ? addr.port : (opts.port ?? 0);
  boundPort = port;
  url = `http://${urlHost(host)}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url,
    close() {
      closing ??= (faults.releaseAll(), app.close().finally(() => db.close()));
      return closing;
    },
  };
}
