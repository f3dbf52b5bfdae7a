/** The dashboard's calls to its head office (same origin); the session token is kept for this tab only. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

let token = sessionStorage.getItem('ho-token');
export const hasToken = () => token !== null;
export function setToken(t: string | null): void {
  token = t;
  if (t) sessionStorage.setItem('ho-token', t);
  else sessionStorage.removeItem('ho-token');
}
export const streamUrl = () => `/api/admin/stream?token=${encodeURIComponent(token ?? '')}`;

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const j = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new ApiError(res.status, j.error ?? `HTTP_${res.status}`);
  return j;
}

export interface Overview {
  stores: { id: string; name: string; terminals: { id: string; name: string; lastSeenAt: string | null; ackedSeq: number; backlog: number }[] }[];
}
export interface Report {
  rows: { storeId: string; terminalId: string; method: string; salesCount: number; salesAmount: number; refundCount: number; refundAmount: number }[];
  total: { salesCount: number; salesAmount: number; refundAmount: number; net: number };
  products: { itemName: string; count: number; amount: number }[];
  recent: { terminalId: string; storeId: string; localId: number; orderId: string; amount: number; itemName: string; methodType: string | null; approvedAt: string }[];
}
