/** The terminal's HTTP client of the head office (fetch over http(s); every answer parsed with its schema). */
import { z } from 'zod';
import { downChangeSchema, enrollResponseSchema, ingestResponseSchema, syncEventSchema, type DownChange, type EnrollResponse, type IngestRequest, type IngestResponse, type SyncEvent } from '../../../shared/sync-events';

export class HeadOfficeRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** Aborts every call in flight (the pusher's stop). */
export type Abortable = { signal?: AbortSignal };

async function call<T>(url: string, init: RequestInit & { key?: string; timeoutMs?: number; stop?: AbortSignal | undefined }, schema: z.ZodType<T>): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body) headers['content-type'] = 'application/json';
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  const res = await fetch(url, { ...init, headers, signal: init.stop ? AbortSignal.any([init.stop, AbortSignal.timeout(init.timeoutMs ?? 15_000)]) : AbortSignal.timeout(init.timeoutMs ?? 15_000) });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const b = body as { error?: string; message?: string } | null;
    throw new HeadOfficeRefusal(res.status, b?.error ?? `HTTP_${res.status}`, b?.message ?? text.slice(0, 200));
  }
  return schema.parse(body);
}

const base = (u: string) => u.replace(/\/+$/, '');

export const headOffice = {
  enroll: (url: string, body: { code: string; terminalId: string; name: string }): Promise<EnrollResponse> => call(`${base(url)}/api/enroll`, { method: 'POST', body: JSON.stringify(body) }, enrollResponseSchema),
  ingest: (url: string, key: string, body: IngestRequest, o: Abortable = {}): Promise<IngestResponse> => call(`${base(url)}/api/ingest`, { method: 'POST', body: JSON.stringify(body), key, stop: o.signal }, ingestResponseSchema),
  state: (url: string, key: string, o: Abortable = {}): Promise<{ terminalId: string; storeId: string; ackedSeq: number }> =>
    call(`${base(url)}/api/terminal/state`, { key, stop: o.signal }, z.object({ terminalId: z.string(), storeId: z.string(), ackedSeq: z.number().int() })),
  events: (url: string, key: string, after: number, limit = 1000): Promise<SyncEvent[]> =>
    call(`${base(url)}/api/terminal/events?after=${after}&limit=${limit}`, { key, timeoutMs: 60_000 }, z.object({ events: z.array(syncEventSchema) })).then((r) => r.events),
  changes: (url: string, key: string, since: number, o: Abortable = {}): Promise<DownChange[]> => call(`${base(url)}/api/terminal/changes?since=${since}`, { key, stop: o.signal }, z.object({ changes: z.array(downChangeSchema) })).then((r) => r.changes),
};
