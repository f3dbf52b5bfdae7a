/**
 * A status bar word with a shorter form for a narrow bar (fit.css swaps it in by a container query when the
 * bar is under 1280 px: "Payment server" → "Server"). The full word stays the element's text (screen
 * readers, tests); the short one is drawn from data-short.
 */
export function StatusText({ full, short }: { full: string; short: string }) {
  return (
    <span className="statusbar__text" data-short={short}>
      {full}
    </span>
  );
}
