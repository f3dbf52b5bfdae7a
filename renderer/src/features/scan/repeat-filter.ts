/**
 * "A code read twice in a row is one scan." A camera sees the same code in every frame while it is held
 * up, a scanner may double-fire, and two sources may read the same code: the same text again within
 * holdMs of its last sighting is a repeat. Each sighting refreshes the hold, so a code that stays in view
 * stays one scan; once it has been gone for holdMs it can scan again. Pure: the caller passes the time.
 */
export const REPEAT_HOLD_MS = 1500;

export class RepeatFilter {
  private last: { text: string; at: number } | null = null;

  constructor(private readonly holdMs = REPEAT_HOLD_MS) {}

  /** True when this sighting is a new scan; false for a repeat of the last one. */
  accept(text: string, now: number): boolean {
    const repeat = this.last !== null && this.last.text === text && now - this.last.at <= this.holdMs;
    this.last = { text, at: now };
    return !repeat;
  }

  reset(): void {
    this.last = null;
  }
}
