/**
 * A loopback HTTP backend (node:http, 127.0.0.1, port 0) that answers each request with the next
 * scripted Answer (the last one repeats), and logs what it served. Every answer closes its connection,
 * so no fuzzed socket state leaks into the next run.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyBytes, type Answer } from './gateway-answers';

export interface Served {
  method: string;
  path: string;
  answer: Answer;
  /** Body bytes of the answer (0 for a destroyed connection). */
  bytes: number;
}

export interface ScriptedBackend {
  url: string;
  /** Sets the answers of the next requests and clears the log. */
  play(answers: Answer[]): void;
  readonly served: readonly Served[];
  close(): Promise<void>;
}

export async function startScriptedBackend(): Promise<ScriptedBackend> {
  let script: Answer[] = [];
  let served: Served[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const answer = script[Math.min(served.length, script.length - 1)];
      const path = (req.url ?? '/').split('?')[0]!;
      if (!answer) return void req.socket.destroy();
      const bytes = answer.mode === 'destroy' ? Buffer.alloc(0) : bodyBytes(answer.body, path);
      served.push({ method: req.method ?? '', path, answer, bytes: bytes.length });
      if (answer.mode === 'destroy') return void req.socket.destroy();
      const headers: Record<string, string | number> = { connection: 'close' };
      if (answer.contentType !== null) headers['content-type'] = answer.contentType;
      if (answer.bogusGzip) headers['content-encoding'] = 'gzip';
      try {
        if (answer.mode === 'short') {
          res.writeHead(answer.status, { ...headers, 'content-length': bytes.length + 100 });
          res.write(bytes, () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.status, headers);
        res.end(bytes);
      } catch {
        req.socket.destroy(); // a status node refuses to write: the client sees a reset
      }
    });
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    play(answers) {
      script = answers;
      served = [];
    },
    get served() {
      return served;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
