/**
 * Builds the typed PosApi over any transport (Electron bridge or loopback HTTP).
 *
 * Start-up cost (issue 15): this module imports no schema. A method is a property looked up by name (the
 * core's router refuses a name outside the contract), and the check of pushed events — the contract's
 * event schemas, i.e. zod and every schema — is loaded on the first subscription, off the path to the
 * first paint. Events that arrive before it has loaded wait for it, in order.
 */
import type { EventName, EventPayload, MethodName, PosApi, PosEvent, RpcResult } from './contract';
import { isErrorCode, type ErrorCode } from './domain/errors';
import type { EventCheck } from './event-validation';

export interface PosTransport {
  invoke(method: MethodName, input: unknown): Promise<RpcResult<unknown>>;
  subscribe(listener: (event: PosEvent) => void): () => void;
}

/** The error the renderer catches: a code it can show in Korean or English. */
export class PosClientError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'PosClientError';
  }
}

type Checker = (ev: unknown) => EventCheck;

export function createPosClient(transport: PosTransport): PosApi {
  const methods = new Map<string, (input: unknown) => Promise<unknown>>();
  const method = (m: MethodName) => async (input: unknown) => {
    let res: RpcResult<unknown>;
    try {
      res = await transport.invoke(m, input ?? {});
    } catch (e) {
      throw new PosClientError('INTERNAL', e instanceof Error ? e.message : String(e));
    }
    if (res.ok) return res.value;
    throw new PosClientError(isErrorCode(res.error.code) ? res.error.code : 'INTERNAL', res.error.detail);
  };
  let checker: Promise<Checker> | null = null;
  const on = <E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void) => {
    checker ??= import('./event-validation').then((m) => m.checkEvent);
    const ready = checker;
    return transport.subscribe((ev) => {
      if (ev.name !== name) return;
      // checked again where it arrives: a shell (or anything on the wire) cannot hand the UI an event the contract refuses
      void ready.then((checkEvent) => {
        const checked = checkEvent(ev);
        if (checked.ok) handler(checked.event.payload as EventPayload<E>);
        else console.error(`[pos] dropped an event outside the contract: ${checked.reason}`);
      });
    });
  };
  return new Proxy({} as PosApi, {
    get(_target, prop) {
      if (prop === 'on') return on;
      // not a method: symbols, and `then` (so the client is never mistaken for a promise)
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      let fn = methods.get(prop);
      if (!fn) methods.set(prop, (fn = method(prop as MethodName)));
      return fn;
    },
  });
}
