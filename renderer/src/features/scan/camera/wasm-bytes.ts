/** The bundled ZXing-C++ .wasm as bytes (decoded from the inlined data: URL, no network at run time). */
import wasmDataUrl from 'zxing-wasm/reader/zxing_reader.wasm?url&inline';

export function zxingWasmBytes(): ArrayBuffer {
  const b64 = wasmDataUrl.slice(wasmDataUrl.indexOf(',') + 1);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}
