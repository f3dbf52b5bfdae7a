/**
 * Keyboard-wedge scanner thresholds, in one place (design.md §5).
 * A scanner types a whole code in a burst (typically 2–20 ms between keys) and ends it with
 * Enter or Tab; a person types at 80 ms or more between keys.
 */
/** Longest gap between two keys of one scan burst. */
export const SCAN_MAX_GAP_MS = 40;
/** Shortest text that counts as a scan (the payment QR is 24 characters). */
export const SCAN_MIN_LENGTH = 8;
/** Longest text a burst may collect (the QR parser caps input at 256 too). */
export const SCAN_MAX_LENGTH = 256;
/** A second keydown of the same physical key within this window, flagged isComposing / keyCode 229, is an IME duplicate. */
export const IME_DUPLICATE_WINDOW_MS = 50;
/**
 * Outside text fields, from this many keys into a burst the global listener keeps the keys to itself
 * (so a scan never reaches a focused button or cart line); the first few pass, so quick human double
 * presses (e.g. "+" "+" on a line) still work.
 */
export const SCAN_SWALLOW_FROM = 3;
/** Keys that end a scan burst (scanner suffix). */
export const SCAN_SUFFIX_KEYS: readonly string[] = ['Enter', 'NumpadEnter', 'Tab'];
