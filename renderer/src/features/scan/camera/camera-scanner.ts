/**
 * Reads QR codes from a playing <video> as fast as frames arrive: a requestVideoFrameCallback loop
 * hands each new frame (a VideoFrame, zero-copy) to two decode workers — the centred crop lane on every
 * frame, the full-frame lane on the newest frame whenever it is free — so there is no fixed pause between
 * attempts (@zxing/browser's loop waits 500 ms) and the main thread never decodes.
 * A lane that finishes while a newer frame is on screen takes it at once instead of waiting for the next
 * callback. The same code read again and again while held up is one scan (RepeatFilter).
 */
import { RepeatFilter } from '../repeat-filter';
import type { Lane } from './crop';
import type { Engine } from './frame-strategy';
import type { WorkerRequest, WorkerResponse } from './decode.worker';
import { decodeWorker, newDecodeId } from './decode-workers';

export interface CameraDecode {
  text: string;
  lane: Lane;
  pass: string | null;
  /** presentedFrames of the decoded frame (requestVideoFrameCallback metadata). */
  frameNo: number;
  /** performance.now() when the frame was taken from the video, and when its text came back. */
  grabbedAt: number;
  decodedAt: number;
  decodeMs: number;
}

export interface CameraScannerOptions {
  /** A new scan (repeats dropped). */
  onScan: (text: string, d: CameraDecode) => void;
  /** Every successful decode, repeats included (benchmarks, diagnostics). */
  onDecode?: (d: CameraDecode) => void;
  /** Which decoder engine each lane ended up with (wasm, or js when WebAssembly is not allowed). */
  onEngine?: (engine: Engine | 'inline') => void;
  lanes?: readonly Lane[];
}

/**
 * After a miss, the full-frame lane rests as long as it worked (at most half a core) and takes at most
 * ~12 frames a second: on a two-core till it never starves the crop lane, the one that reads a code held
 * up to the camera on its first frame.
 */
const FULL_LANE_REST = 1;
const FULL_LANE_MIN_PERIOD_MS = 80;

interface LaneState {
  lane: Lane;
  worker: Worker | null;
  ready: Promise<void>;
  busy: boolean;
  lastFrameNo: number;
  count: number;
}

type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: { presentedFrames: number }) => void) => number;
  cancelVideoFrameCallback?: (h: number) => void;
};

export class CameraScanner {
  private lanes: LaneState[] = [];
  private running = false;
  private handle = 0;
  private frameNo = 0;
  private readonly pending = new Map<number, { grabbedAt: number; frameNo: number }>();
  private readonly repeats = new RepeatFilter();
  private readonly inlineCanvases = new Map<string, OffscreenCanvasRenderingContext2D>();
  private disposed = false;
  private detach: (() => void)[] = [];

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly opts: CameraScannerOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.lanes.length === 0) this.lanes = (this.opts.lanes ?? ['crop', 'full']).map((l) => this.makeLane(l));
    this.repeats.reset();
    this.loop();
  }

  stop(): void {
    this.running = false;
    const v = this.video as FrameCallbackVideo;
    if (this.handle && v.cancelVideoFrameCallback) v.cancelVideoFrameCallback(this.handle);
    else if (this.handle) cancelAnimationFrame(this.handle);
    this.handle = 0;
  }

  /** Stops and lets go of the shared workers (the component is going away; the workers stay warm). */
  dispose(): void {
    this.stop();
    this.disposed = true;
    for (const d of this.detach) d();
    this.detach = [];
    this.lanes = [];
  }

  private makeLane(lane: Lane): LaneState {
    const dw = decodeWorker(lane); // shared, kept warm for the page's lifetime (decode-workers.ts)
    const st: LaneState = { lane, worker: dw.worker, ready: Promise.resolve(), busy: false, lastFrameNo: -1, count: 0 };
    st.ready = dw.ready.then((engine) => {
      if (this.disposed) return;
      st.worker = dw.worker;
      this.opts.onEngine?.(engine);
      if (dw.worker) {
        const onMessage = (e: MessageEvent<WorkerResponse>) => e.data.type === 'result' && this.onResult(st, e.data);
        dw.worker.addEventListener('message', onMessage);
        this.detach.push(() => dw.worker?.removeEventListener('message', onMessage));
      }
    });
    return st;
  }

  private loop(): void {
    if (!this.running) return;
    const v = this.video as FrameCallbackVideo;
    if (v.requestVideoFrameCallback) {
      this.handle = v.requestVideoFrameCallback((_now, meta) => {
        this.frameNo = meta.presentedFrames;
        this.feed();
        this.loop();
      });
    } else {
      // No frame callbacks: poll each animation frame for a new video time.
      let lastTime = -1;
      const tick = () => {
        if (!this.running) return;
        if (v.currentTime !== lastTime) {
          lastTime = v.currentTime;
          this.frameNo++;
          this.feed();
        }
        this.handle = requestAnimationFrame(tick);
      };
      this.handle = requestAnimationFrame(tick);
    }
  }

  /** Gives the current frame to every idle lane that has not seen it yet. */
  private feed(): void {
    if (!this.running) return;
    const v = this.video;
    if (v.readyState < 2 || v.videoWidth === 0) return;
    for (const l of this.lanes) {
      if (l.busy || l.lastFrameNo === this.frameNo) continue;
      l.busy = true;
      l.lastFrameNo = this.frameNo;
      void l.ready.then(() => this.send(l));
    }
  }

  private send(l: LaneState): void {
    if (!this.running) {
      l.busy = false;
      return;
    }
    const v = this.video;
    const width = v.videoWidth;
    const height = v.videoHeight;
    const frameNo = this.frameNo;
    const grabbedAt = performance.now();
    if (!l.worker) {
      void this.decodeInline(l, width, height, frameNo, grabbedAt);
      return;
    }
    let frame: VideoFrame | null;
    try {
      frame = typeof VideoFrame === 'function' ? new VideoFrame(v, { timestamp: Math.round(grabbedAt * 1000) }) : null;
    } catch {
      frame = null; // no frame yet / not supported: ImageBitmap below
    }
    const id = newDecodeId();
    this.pending.set(id, { grabbedAt, frameNo });
    const worker = l.worker;
    const post = (f: VideoFrame | ImageBitmap) => worker.postMessage({ type: 'decode', id, lane: l.lane, frame: f, width, height, frameNo: l.count++ } satisfies WorkerRequest, [f]);
    if (frame) post(frame);
    else
      createImageBitmap(v).then(post, () => {
        this.pending.delete(id);
        l.busy = false;
      });
  }

  private onResult(l: LaneState, r: Extract<WorkerResponse, { type: 'result' }>): void {
    const meta = this.pending.get(r.id);
    if (!meta) return; // a frame sent by an earlier scanner on this shared worker
    this.pending.delete(r.id);
    if (r.text) this.found({ text: r.text, lane: r.lane, pass: r.pass, frameNo: meta.frameNo, grabbedAt: meta.grabbedAt, decodedAt: performance.now(), decodeMs: r.decodeMs });
    if (l.lane === 'full' && !r.text) {
      setTimeout(() => this.next(l), Math.min(200, Math.max(r.decodeMs * FULL_LANE_REST, FULL_LANE_MIN_PERIOD_MS - r.decodeMs)));
      return;
    }
    this.next(l);
  }

  private next(l: LaneState): void {
    l.busy = false;
    // A newer frame is already on screen: take it now rather than at the next callback.
    if (this.running && l.lastFrameNo !== this.frameNo) {
      l.busy = true;
      l.lastFrameNo = this.frameNo;
      this.send(l);
    }
  }

  private found(d: CameraDecode): void {
    this.opts.onDecode?.(d);
    if (this.repeats.accept(d.text, d.decodedAt)) this.opts.onScan(d.text, d);
  }

  /** Without workers: the same lanes on the main thread (JavaScript engine), one frame at a time. */
  private async decodeInline(l: LaneState, width: number, height: number, frameNo: number, grabbedAt: number): Promise<void> {
    // Loaded only when needed: the decoders stay out of the main bundle.
    const [{ canvasSource }, { decodeLane }] = await Promise.all([import('./canvas-source'), import('./frame-strategy')]);
    const t0 = performance.now();
    const r = await decodeLane(canvasSource(this.video, width, height, this.inlineCanvases), l.lane, 'js').catch(() => ({ text: null, pass: null }));
    if (r.text) this.found({ text: r.text, lane: l.lane, pass: r.pass, frameNo, grabbedAt, decodedAt: performance.now(), decodeMs: performance.now() - t0 });
    // Leave the main thread room for the UI between inline decodes.
    setTimeout(() => {
      l.busy = false;
    }, 30);
  }
}
