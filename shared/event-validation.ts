/**
 * Runtime check of a pushed event against the contract's event schemas (shared/contract.ts `events`),
 * used where events leave the core for either shell (EventBus) and where the renderer receives them
 * (createPosClient): an event the contract does not describe is dropped and reported, never delivered.
 */
import { events, type PosEvent } from './contract';

export type EventCheck = { ok: true; event: PosEvent } | { ok: false; reason: string };

export function checkEvent(ev: unknown): EventCheck {
  if (typeof ev !== 'object' || ev === null) return { ok: false, reason: 'not an object' };
  const { name, payload } = ev as { name?: unknown; payload?: unknown };
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(events, name)) return { ok: false, reason: `unknown event ${String(name).slice(0, 64)}` };
  const r = events[name as keyof typeof events].safeParse(payload);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, reason: `${name}: ${i?.path.join('.') || 'payload'}: ${i?.message ?? 'invalid'}`.slice(0, 300) };
  }
  return { ok: true, event: { name, payload: r.data } as PosEvent };
}
