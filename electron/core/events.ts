import type { EventName, EventPayload, PosEvent } from '../../shared/contract';

/** The one typed event channel of the core; each shell forwards it (webContents.send or SSE). */
export class EventBus {
  private readonly listeners = new Set<(event: PosEvent) => void>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const event = { name, payload } as PosEvent;
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (e) {
        console.error('[events] listener failed', e);
      }
    }
  }

  subscribe(listener: (event: PosEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
