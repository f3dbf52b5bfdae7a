import type { EventName, EventPayload, PosEvent } from '../../shared/contract';
import { checkEvent } from '../../shared/event-validation';

/**
 * The one typed event channel of the core; each shell forwards it (webContents.send or SSE). Every
 * event is validated against the contract's event schema at runtime before any shell sees it: one that
 * does not fit (a bug) is reported and dropped, so neither shell ever pushes an event the contract refuses.
 */
export class EventBus {
  private readonly listeners = new Set<(event: PosEvent) => void>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = checkEvent({ name, payload });
    if (!checked.ok) {
      console.error(`[events] dropped an event outside the contract: ${checked.reason}`);
      return;
    }
    const event = checked.event;
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
