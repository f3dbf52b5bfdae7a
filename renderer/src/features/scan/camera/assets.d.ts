/** The ZXing-C++ reader's .wasm, emitted by Vite as a separate asset: never fetched from a CDN. */
declare module 'zxing-wasm/reader/zxing_reader.wasm?url' {
  const url: string;
  export default url;
}
