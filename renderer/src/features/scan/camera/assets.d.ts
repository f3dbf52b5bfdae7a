/** The ZXing-C++ reader's .wasm, inlined into the worker bundle by Vite (a data: URL): never fetched from a CDN. */
declare module 'zxing-wasm/reader/zxing_reader.wasm?url&inline' {
  const dataUrl: string;
  export default dataUrl;
}
