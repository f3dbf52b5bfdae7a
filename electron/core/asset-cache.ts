/**
 * Cache policy of the renderer's files, the same in both shells (issue 15): Vite names everything
 * under assets/ by a hash of its content (JS chunks, CSS, the QR decoder's .wasm), so those never
 * change under the same URL and may be kept for a year without revalidation (the browser also keeps
 * the compiled WebAssembly with them); index.html and anything else is revalidated every time.
 */
const HASHED_ASSET = /(^|\/)assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export function cacheControlFor(path: string): string {
  return HASHED_ASSET.test(path.replaceAll('\\', '/')) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
