/** Builds the typed PosApi over any transport (Electron bridge or loopback HTTP). */
import { METHOD_NAMES, type EventName, type EventPayload, type MethodName, type PosApi, type PosEvent, type RpcResult } from './contract';
import { isErrorCode, type ErrorCode } from './domain/errors';
import { checkEvent } from './event-validation';

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

export function createPosClient(transport: PosTransport): PosApi {
  const api: Record<string, unknown> = {};
  for (const m of METHOD_NAMES) {
    api[m] = async (input: unknown) => {
      let res: RpcResult<unknown>;
      try {
        res = await transport.invoke(m, input ?? {});
      } catch (e) {
        throw new PosClientError('INTERNAL', e instanceof Error ? e.message : String(e));
      }
      if (res.ok) return res.value;
      throw new PosClientError(isErrorCode(res.error.code) ? res.error.code : 'INTERNAL', res.error.detail);
    };
  }
  api.on = <E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void) =>
    transport.subscribe((ev) => {
      if (ev.name !== name) return;
      // checked again where it arrives: a shell (or anything on the wire) cannot hand the UI an event the contract refuses
      const checked = checkEvent(ev);
      if (checked.ok) handler(checked.event.payload as EventPayload<E>);
      else console.error(`[pos] dropped an event outside the contract: ${checked.reason}`);
    });
  return api as PosApi;
}
