/**
 * Saves text as a file from the renderer: a Blob behind an <a download>. The web shell's browser
 * downloads it; in Electron the same download goes through the session's will-download (a save dialog).
 */
export function downloadText(fileName: string, text: string | Uint8Array<ArrayBuffer>, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the data by the next task; revoke a little later to be safe.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
