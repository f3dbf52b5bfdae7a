/**
 * The bundled ZXing-C++ reader's .wasm as a real asset of the renderer (issue 15): fetched from the
 * app's own origin only when a camera decoder starts, compiled while it streams in
 * (WebAssembly.instantiateStreaming, served as application/wasm), cached like any other asset.
 * Never fetched from a CDN: prepareZXingModule's locateFile points at this URL.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

export function zxingWasmUrl(): string {
  return new URL(wasmUrl, import.meta.url).href;
}
