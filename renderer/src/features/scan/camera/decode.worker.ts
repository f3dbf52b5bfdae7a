/**
 * The decode worker: one per lane (crop, full). Receives a camera frame (VideoFrame or ImageBitmap,
 * transferred), reads its pixels through an OffscreenCanvas, decodes, closes the frame, answers.
 * Keeps the main thread free for the preview and the UI.
 */
import { initZxingWasm } from './decoders';
import { canvasSource } from './canvas-source';
import { decodeLane, type Engine, type Lane } from './frame-strategy';
import { zxingWasmUrl } from './wasm-url';

export type WorkerRequest = { type: 'init' } | { type: 'decode'; id: number; lane: Lane; frame: VideoFrame | ImageBitmap; width: number; height: number; frameNo: number };
export type WorkerResponse =
  | { type: 'ready'; engine: Engine; error: string | null }
  | { type: 'result'; id: number; lane: Lane; text: string | null; pass: string | null; decodeMs: number };

let engine: Engine = 'wasm';
const canvases = new Map<string, OffscreenCanvasRenderingContext2D>();

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerResponse): void };

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    initZxingWasm(zxingWasmUrl()).then(
      () => scope.postMessage({ type: 'ready', engine: 'wasm', error: null }),
      (err: unknown) => {
        // WebAssembly refused (CSP without 'wasm-unsafe-eval', very old runtime): the JavaScript port still works.
        engine = 'js';
        scope.postMessage({ type: 'ready', engine: 'js', error: err instanceof Error ? err.message : String(err) });
      },
    );
    return;
  }
  const t0 = performance.now();
  const { frame } = msg;
  decodeLane(canvasSource(frame, msg.width, msg.height, canvases), msg.lane, engine, msg.frameNo)
    .catch(() => ({ text: null, pass: null }))
    .then((r) => {
      frame.close();
      scope.postMessage({ type: 'result', id: msg.id, lane: msg.lane, text: r.text, pass: r.pass, decodeMs: performance.now() - t0 });
    });
};
