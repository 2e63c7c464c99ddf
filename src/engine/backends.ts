import * as tf from '@tensorflow/tfjs';
import { errorMessage } from './errors';
import { errorText, message, MessageError, type Message, type MessageList } from './message';

export const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = 'auto' | BackendName;
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', ...BACKENDS];

export interface WebGLInfo {
  available: boolean;
  renderer: string;
  /** True when the renderer is a CPU emulation (SwiftShader, llvmpipe, …), not a GPU. */
  software: boolean;
}

const SOFTWARE_RENDERERS =
  /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERERS.test(renderer);
}

/** Reads the WebGL renderer string without starting tfjs's WebGL backend. */
export function probeWebGL(): WebGLInfo {
  try {
    if (typeof OffscreenCanvas === 'undefined' && typeof document === 'undefined') {
      return { available: false, renderer: 'no canvas here', software: false };
    }
    const canvas =
      typeof OffscreenCanvas !== 'undefined'
        ? new OffscreenCanvas(1, 1)
        : document.createElement('canvas');
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return { available: false, renderer: 'WebGL 2 is not available', software: false };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, renderer, software: isSoftwareRenderer(renderer) };
  } catch (err) {
    return {
      available: false,
      renderer: errorMessage(err),
      software: false,
    };
  }
}

/** How long a backend may take to start before it counts as failed. */
const START_TIMEOUT_MS = 30_000;

/**
 * Switches tfjs to `name`. tfjs's `setBackend` may fall through to another backend silently,
 * so the active one is read back: the result says whether `name` is really active. A backend
 * that never finishes starting (the threaded wasm build waits for ever for workers that died)
 * counts as failed after `timeoutMs`, and is removed so that another one can start.
 */
export async function activateBackend(
  name: BackendName,
  timeoutMs = START_TIMEOUT_MS,
): Promise<boolean> {
  if (tf.getBackend() === name) return true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(resolve, timeoutMs, false)));
  try {
    const ok = await Promise.race([tf.setBackend(name), timeout.then(() => 'timed out' as const)]);
    if (ok === 'timed out') {
      // tfjs waits for a pending start before any other backend can start: removing the backend
      // ends that wait (and it is not tried again in this page).
      tf.removeBackend(name);
      return false;
    }
    if (!ok) return false;
    await tf.ready();
    return tf.getBackend() === name;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The order to fall back in when a backend fails: fastest in general first, CPU last. */
export function fallbackOrder(first: BackendName): BackendName[] {
  return [first, ...(['wasm', 'webgl', 'cpu'] as const).filter((b) => b !== first)];
}

export interface Measurement {
  backend: BackendName;
  msPerStep: number;
}

export interface BackendDecision {
  backend: BackendName;
  /** The timings, then what was skipped or failed. */
  reason: MessageList;
  measurements: Measurement[];
}

function formatMs(ms: number): string {
  return ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(0)} µs`;
}

/**
 * A run this short on the first backend measured is not worth measuring the others for: timing
 * another backend takes about as long (a few hundred steps after its warm-up), so it could not win.
 */
export const QUICK_RUN_MS = 250;

/**
 * "auto": measure the real model on each candidate and keep the fastest. WebGL on a software
 * renderer is tried only when no other backend works: it is CPU emulation of a GPU. Given the
 * run's length in steps, a backend that would train all of it within QUICK_RUN_MS is kept at once.
 */

export async function chooseFastest(
  webgl: WebGLInfo,
  measure: (backend: BackendName) => Promise<number>,
  candidates: readonly BackendName[] = ['cpu', 'wasm', 'webgl'],
  runSteps = Number.POSITIVE_INFINITY,
): Promise<BackendDecision> {
  const skipped: Message[] = [];
  const toTry = candidates.filter((b) => {
    if (b !== 'webgl') return true;
    if (!webgl.available) skipped.push(message('backend.webglUnavailable'));
    else if (webgl.software) skipped.push(message('backend.webglSkipped'));
    return webgl.available && !webgl.software;
  });
  const measurements: Measurement[] = [];
  const failed: Message[] = [];
  const failedWith = (backend: BackendName, err: unknown) =>
    message('backend.failedWith', { backend, error: errorText(err) });
  for (const backend of toTry) {
    if (!(await activateBackend(backend))) {
      failed.push(message('backend.failedToStart', { backend }));
      continue;
    }
    let msPerStep: number;
    try {
      msPerStep = await measure(backend);
    } catch (err) {
      failed.push(failedWith(backend, err));
      continue;
    }
    measurements.push({ backend, msPerStep });
    const runMs = msPerStep * runSteps;
    if (runMs <= QUICK_RUN_MS) {
      const timing = `${formatMs(msPerStep)}/step`;
      const quick = message('backend.quickRun', {
        timing,
        backend,
        ms: Math.max(1, Math.round(runMs)),
      });
      return {
        backend,
        reason: { list: [quick, ...skipped, ...failed], separator: '; ' },
        measurements,
      };
    }
  }
  if (
    measurements.length === 0 &&
    webgl.available &&
    webgl.software &&
    candidates.includes('webgl')
  ) {
    // Slow, but better than nothing.
    if (await activateBackend('webgl')) {
      try {
        measurements.push({ backend: 'webgl', msPerStep: await measure('webgl') });
        skipped.length = 0;
        skipped.push(message('backend.onlySoftwareWebgl'));
      } catch (err) {
        failed.push(failedWith('webgl', err));
      }
    } else failed.push(message('backend.failedToStart', { backend: 'webgl' }));
  }
  measurements.sort((a, b) => a.msPerStep - b.msPerStep);
  const best = measurements[0];
  if (!best) {
    throw new MessageError(
      message('backend.noneCouldTrain', { failures: { list: failed, separator: '; ' } }),
    );
  }
  const timing = measurements.map((m) => `${m.backend} ${formatMs(m.msPerStep)}/step`).join(', ');
  const reason = {
    list: [message('backend.fastest', { timing }), ...skipped, ...failed],
    separator: '; ',
  };
  return { backend: best.backend, reason, measurements };
}

/** Calls `onLost` if the active WebGL backend's context is lost; returns the unsubscribe. */
export function watchWebGLContext(onLost: () => void): () => void {
  if (tf.getBackend() !== 'webgl') return () => {};
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
  const canvas = backend.gpgpu?.gl?.canvas;
  if (!canvas || !('addEventListener' in canvas)) return () => {};
  const handler = () => onLost();
  canvas.addEventListener('webglcontextlost', handler);
  return () => canvas.removeEventListener('webglcontextlost', handler);
}

/** For tests and the classroom debug panel: loses the active WebGL context on purpose. */
export function loseWebGLContextForTest(): boolean {
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
  const ext = backend.gpgpu?.gl?.getExtension('WEBGL_lose_context');
  ext?.loseContext();
  return Boolean(ext);
}
