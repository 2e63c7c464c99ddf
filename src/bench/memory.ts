import type { BackendName } from '../engine/backends';
import { quickSettings } from '../labs/fashion/settings';
import { fashionRunOnce } from './fashion';
import type { BenchPath } from './fashionData';

/**
 * The Fashion lab's quick run (6,000 images, 2 epochs, a tenth held out) `runs` times in a row
 * in one page: the tensors each run leaves behind, and the wasm heap after each run, which must
 * stop growing after the first.
 */
export async function benchMemory(backend: BackendName, runs: number, path: BenchPath = 'fast') {
  const heap: (number | null)[] = [];
  let leaked = 0;
  let firstBefore: number | null = null;
  let ranOn: string = path;
  for (let i = 0; i < runs; i++) {
    const run = await fashionRunOnce(backend, quickSettings(), path);
    if (run.error) return { name: 'fashion_memory', backend, path: run.path, error: run.error };
    if (i === 0) firstBefore = run.heap_bytes_before;
    heap.push(run.heap_bytes_after);
    leaked = Math.max(leaked, run.tensors_leaked);
    ranOn = run.path;
  }
  const first = heap[0] ?? null;
  const last = heap[heap.length - 1] ?? null;
  return {
    name: 'fashion_memory',
    backend,
    path: ranOn,
    runs,
    tensors_leaked: leaked,
    heap_bytes_before_first_run: firstBefore,
    heap_bytes_after_first_run: first,
    heap_bytes_after_last_run: last,
    heap_growth_after_first_run: first !== null && last !== null ? last - first : null,
    heap_bytes_after_each_run: heap,
  };
}
