/**
 * `pos`: the typed API of the core, derived from shared/contract.ts.
 * Electron shell: the preload exposes `window.posBridge` (ipcRenderer.invoke / pos:event).
 * Web shell: POST /rpc/<method> and Server-Sent Events /events on loopback, with the per-launch token.
 */
import { createPosClient, type PosTransport } from '../../../shared/client';
import type { PosEvent, RpcResult } from '../../../shared/contract';
// Type only (lint allows nothing else from electron/): the bridge's type is the preload's own object.
import type { PosBridge } from '../../../electron/preload/bridge';

declare global {
  interface Window {
    posBridge?: PosBridge;
  }
}

const TOKEN_KEY = 'pos.token';

const TOKEN_RE = /[#&]token=([A-Za-z0-9_-]+)/;

/**
 * The web shell prints a URL with "#token=…"; keep it for this tab's session and clear it from the
 * address bar, keeping a route in front of it ("#/display&token=…" → "#/display").
 */
function webToken(): string {
  const m = TOKEN_RE.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]!);
    const route = window.location.hash.replace(TOKEN_RE, '').replace(/^#/, '');
    history.replaceState(null, '', window.location.pathname + window.location.search + (route ? `#${route}` : ''));
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Web shell: the customer display as a second page of the same origin, with this session's token. */
export function customerDisplayUrl(): string {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return `${window.location.pathname}${window.location.search}#/display${token ? `&token=${encodeURIComponent(token)}` : ''}`;
}

/**
 * A token from the launch URL is traded for the shell's session cookie (HttpOnly, SameSite=Strict) so a
 * reload, a new tab or a bookmark of this address keeps working without the token (web-auth.ts).
 */
function openSession(token: string): Promise<void> {
  if (!token) return Promise.resolve();
  return fetch('/session', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then(
    () => undefined,
    () => undefined,
  );
}

function webTransport(): PosTransport {
  const token = webToken();
  const session = openSession(token);
  const listeners = new Set<(e: PosEvent) => void>();
  let source: EventSource | null = null;
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return {
    async invoke(method, input) {
      await session;
      const res = await fetch(`/rpc/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify(input ?? {}),
      });
      if (res.status === 401) return { ok: false, error: { code: 'WEB_ACCESS_MISSING', detail: 'open the URL printed by npm run start:web' } };
      return (await res.json()) as RpcResult<unknown>;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(token ? `/events?token=${encodeURIComponent(token)}` : '/events');
        source.onmessage = (msg) => {
          const ev = JSON.parse(String(msg.data)) as PosEvent;
          for (const l of listeners) l(ev);
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

function electronTransport(bridge: PosBridge): PosTransport {
  return { invoke: (m, input) => bridge.invoke(m, input), subscribe: (l) => bridge.onEvent(l) };
}

export const pos = createPosClient(window.posBridge ? electronTransport(window.posBridge) : webTransport());
export const shell: 'electron' | 'web' = window.posBridge ? 'electron' : 'web';
