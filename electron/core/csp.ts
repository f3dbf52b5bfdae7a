/** The renderer's Content-Security-Policy, for both shells (and mirrored in renderer/index.html). 'wasm-unsafe-eval' lets the bundled QR decoder (ZXing-C++ WebAssembly) compile; it allows no JavaScript eval. */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
