/**
 * Pure timing logic of keyboard-wedge input (no DOM): telling a scanner's burst from a person's typing,
 * and dropping the duplicate keydown some IMEs report for one key press.
 */
import { isImeProcessKey, type KeyLike } from './keycode-text';
import { IME_DUPLICATE_WINDOW_MS, SCAN_MAX_GAP_MS, SCAN_MAX_LENGTH, SCAN_MIN_LENGTH } from './wedge-config';

/**
 * One physical key press can arrive twice: once as the IME's "Process" keydown (keyCode 229 /
 * isComposing) and once as the plain key. Keep the first, drop the other, in either order.
 */
export class ImeDuplicateFilter {
  private readonly down = new Map<string, { t: number; ime: boolean }>();

  /** True when this keydown is a new key press to act on; false for the IME duplicate of the last one. */
  accept(e: KeyLike, t: number): boolean {
    const ime = isImeProcessKey(e);
    const prev = this.down.get(e.code);
    if (prev && t - prev.t <= IME_DUPLICATE_WINDOW_MS && (ime || prev.ime)) return false;
    this.down.set(e.code, { t, ime });
    return true;
  }

  /** The key was released: its next keydown is a new press. */
  keyUp(code: string): void {
    this.down.delete(code);
  }
}

/** Configurable thresholds (scanner settings → wedge); the defaults are wedge-config.ts. */
export interface BurstThresholds {
  maxGapMs: number;
  minLength: number;
}

/**
 * Collects characters whose inter-key gaps are all ≤ maxGapMs (SCAN_MAX_GAP_MS); a suffix key (Enter/Tab)
 * that follows in time ends the scan when at least minLength (SCAN_MIN_LENGTH) characters came in the burst.
 */
export class ScanBurst {
  private text = '';
  private count = 0;
  private last = Number.NEGATIVE_INFINITY;
  private maxGap: number;
  private minLength: number;

  constructor(thresholds?: Partial<BurstThresholds>) {
    this.maxGap = thresholds?.maxGapMs ?? SCAN_MAX_GAP_MS;
    this.minLength = thresholds?.minLength ?? SCAN_MIN_LENGTH;
  }

  /** Changes the thresholds (settings saved while the listener runs). */
  configure(thresholds: Partial<BurstThresholds>): void {
    this.maxGap = thresholds.maxGapMs ?? this.maxGap;
    this.minLength = thresholds.minLength ?? this.minLength;
  }

  /** Adds a character typed at time t (ms). Returns true when it continues a burst (it came fast after the previous one). */
  char(ch: string, t: number): boolean {
    const continuing = this.text.length > 0 && t - this.last <= this.maxGap;
    if (!continuing) {
      this.text = '';
      this.count = 0;
    }
    if (this.text.length < SCAN_MAX_LENGTH) this.text += ch;
    this.count++;
    this.last = t;
    return continuing;
  }

  /** How many keys the current burst has had. */
  get length(): number {
    return this.count;
  }

  /** A suffix key at time t: the scanned text when the keys before it were a scan burst, else null. Always starts over. */
  suffix(t: number): string | null {
    const ok = this.text.length >= this.minLength && t - this.last <= this.maxGap;
    const text = this.text;
    this.reset();
    return ok ? text : null;
  }

  /** Whether a burst may be under way at time t. */
  active(t: number): boolean {
    return this.text.length > 0 && t - this.last <= this.maxGap;
  }

  reset(): void {
    this.text = '';
    this.count = 0;
    this.last = Number.NEGATIVE_INFINITY;
  }
}
