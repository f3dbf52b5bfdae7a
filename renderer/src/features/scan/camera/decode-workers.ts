/**
 * The decode workers, one per lane, shared by every CameraScanner of the page and kept for its
 * lifetime (issue 15). The checkout's camera panel unmounts at every 승인 완료 and mounts again for the
 * next sale: making two workers each time (each compiling ZXing's .wasm and growing its own wasm
 * memory) cost the renderer ~24 MB of RSS per sale in bench:soak, never given back, and a cold decoder
 * at every sale. Now a lane's worker is made once, on first use, and reused.
 */
import type { Lane } from './crop';
import type { Engine } from './frame-strategy';
import type { WorkerRequest, WorkerResponse } from './decode.worker';

export interface DecodeWorker {
  /** null when workers cannot run here (decode inline instead). */
  worker: Worker | null;
  /** Resolves with the engine the worker ended up with, or 'inline'. */
  ready: Promise<Engine | 'inline'>;
}

const pool = new Map<Lane, DecodeWorker>();

export function decodeWorker(lane: Lane): DecodeWorker {
  let dw = pool.get(lane);
  if (dw) return dw;
  try {
    const w = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: `qr-${lane}` });
    const entry: DecodeWorker = { worker: w, ready: Promise.resolve<Engine | 'inline'>('inline') };
    entry.ready = new Promise((ok) => {
      const onReady = (e: MessageEvent<WorkerResponse>) => {
        if (e.data.type !== 'ready') return;
        w.removeEventListener('message', onReady);
        ok(e.data.engine);
      };
      w.addEventListener('message', onReady);
      w.addEventListener('error', () => {
        // The worker script could not load (e.g. a file:// origin that refuses workers): decode inline.
        entry.worker = null;
        w.terminate();
        ok('inline');
      });
    });
    w.postMessage({ type: 'init' } satisfies WorkerRequest);
    dw = entry;
  } catch {
    dw = { worker: null, ready: Promise.resolve('inline') };
  }
  pool.set(lane, dw);
  return dw;
}

/** Unique across scanners: a result that comes back after its scanner went away is recognised and dropped. */
let nextDecodeId = 1;
export const newDecodeId = (): number => nextDecodeId++;
