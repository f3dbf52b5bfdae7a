/**
 * When the key before the current one was pressed: tells a scanner's trailing CR/LF (a few ms after its
 * previous key) from the cashier's own Enter. A capture listener on window runs before every other
 * keydown handler, so during a handler `previousKeyAt()` is the key before the one being handled.
 */
/** Keys closer together than this are one machine burst (wedge scanners type at ≤ 30–50 ms a key). */
export const BURST_GAP_MS = 50;

let last = Number.NEGATIVE_INFINITY;
let previous = Number.NEGATIVE_INFINITY;
let installed = false;

export function installKeyTiming(): void {
  if (installed) return;
  installed = true;
  window.addEventListener(
    'keydown',
    (e) => {
      previous = last;
      last = e.timeStamp;
    },
    { capture: true },
  );
}

/** True when this key came right on the heels of the previous one (part of a scanner burst). */
export function inBurst(e: KeyboardEvent): boolean {
  return e.timeStamp - previous < BURST_GAP_MS;
}
