/**
 * A fault-injecting HTTP proxy on loopback between terminals and the head office. Per request it
 * passes, delays, resets the connection before forwarding, refuses connections for a while (stops
 * listening), or forwards and then drops the answer after the server committed — from a seeded
 * random plan or a queue of faults the test sets.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault = 'pass' | 'drop-answer' | 'reset' | 'refuse' | { delayMs: number };

export class FaultProxy {
  private server: Server;
  private sockets = new Set<Socket>();
  port = 0;
  queue: Fault[] = [];
  /** Faults for the next requests to one path (e.g. '/api/enroll'). */
  readonly byPath = new Map<string, Fault[]>();
  random: (() => Fault) | null = null;
  readonly counts: Record<string, number> = {};
  private refusing = false;

  constructor(public target: string) {
    this.server = this.make();
  }

  private make(): Server {
    const s = createServer((req, res) => {
      this.handle(req, res).catch(() => req.socket.destroy());
    });
    s.keepAliveTimeout = 1000;
    s.on('connection', (sock) => {
      this.sockets.add(sock);
      sock.on('close', () => this.sockets.delete(sock));
    });
    return s;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(this.port, '127.0.0.1', () => r()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  private count(k: string) {
    this.counts[k] = (this.counts[k] ?? 0) + 1;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const f = this.byPath.get(req.url ?? '')?.shift() ?? this.queue.shift() ?? this.random?.() ?? 'pass';
    const kind = typeof f === 'string' ? f : 'delay';
    this.count(kind);
    if (f === 'reset') {
      req.socket.resetAndDestroy();
      return;
    }
    if (f === 'refuse') {
      req.socket.resetAndDestroy();
      await this.refuseFor(300);
      return;
    }
    if (typeof f === 'object') await new Promise((r) => setTimeout(r, f.delayMs));
    const body: Buffer[] = [];
    for await (const c of req) body.push(c as Buffer);
    const t = new URL(this.target);
    const up = request({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers: { ...req.headers, host: t.host } }, (ur) => {
      const chunks: Buffer[] = [];
      ur.on('data', (c: Buffer) => chunks.push(c));
      ur.on('end', () => {
        if (f === 'drop-answer') {
          req.socket.resetAndDestroy(); // the server answered (committed): the terminal never hears it
          return;
        }
        res.writeHead(ur.statusCode ?? 502, ur.headers);
        res.end(Buffer.concat(chunks));
      });
    });
    up.on('error', () => req.socket.resetAndDestroy());
    up.end(Buffer.concat(body));
  }

  /** Stops listening (connections refused), then listens again on the same port. */
  async refuseFor(ms: number): Promise<void> {
    if (this.refusing) return;
    this.refusing = true;
    await new Promise<void>((r) => this.server.close(() => r()));
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => setTimeout(r, ms));
    this.server = this.make();
    for (let i = 0; i < 50; i++) {
      try {
        await new Promise<void>((res, rej) => {
          this.server.once('error', rej);
          this.server.listen(this.port, '127.0.0.1', () => res());
        });
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    this.refusing = false;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
