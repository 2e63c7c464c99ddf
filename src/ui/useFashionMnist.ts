import { useCallback, useEffect, useState } from 'react';
import {
  DataMissingError,
  fashionMnistFromFiles,
  loadFashionMnist,
  type FashionMnist,
  type LoadProgress,
} from '../data/fashionMnist';
import { errorMessage } from '../engine/errors';

/** Where `npm run data` (scripts/fetch-data.ts) puts the files, relative to the page. */
export const FASHION_DATA_URL = 'data/fashion-mnist';

export type FashionMnistState =
  | { status: 'idle' }
  | { status: 'loading'; fraction: number }
  | { status: 'ready'; data: FashionMnist }
  | { status: 'missing'; message: string }
  | { status: 'error'; message: string };

// Loaded once per page, for every lab that asks: switching labs does not load 30 MB again.
let loaded: FashionMnist | null = null;

/** Bytes received over bytes expected, across the four files. */
function progressTracker(onChange: (fraction: number) => void) {
  const files = new Map<string, { loaded: number; total: number }>();
  return (p: LoadProgress) => {
    const total = p.totalBytes ?? Math.max(p.loadedBytes, files.get(p.file)?.total ?? 0);
    files.set(p.file, { loaded: p.stage === 'download' ? p.loadedBytes : total, total });
    const entries = [...files.values()];
    const sum = entries.reduce((s, f) => s + Math.min(f.loaded, f.total || f.loaded), 0);
    const all = entries.reduce((s, f) => s + (f.total || f.loaded), 0);
    onChange(all > 0 ? sum / all : 0);
  };
}

/**
 * Fashion-MNIST for a lab that needs it only sometimes: loaded from the server when `wanted`
 * first becomes true, or from files the student picks when the server does not have them.
 */
export function useFashionMnist(wanted: boolean): {
  state: FashionMnistState;
  loadFiles: (files: readonly File[]) => void;
} {
  const [state, setState] = useState<FashionMnistState>(() =>
    loaded ? { status: 'ready', data: loaded } : { status: 'idle' },
  );

  // Sets state only when the files answer: the effect below starts it without a render of its own.
  const load = useCallback(
    (get: (onProgress: (p: LoadProgress) => void) => Promise<FashionMnist>) => {
      const onProgress = progressTracker((fraction) =>
        setState((s) => (s.status === 'ready' ? s : { status: 'loading', fraction })),
      );
      get(onProgress).then(
        (data) => {
          loaded = data;
          setState({ status: 'ready', data });
        },
        (err: unknown) => {
          const message = errorMessage(err);
          setState(
            err instanceof DataMissingError
              ? { status: 'missing', message }
              : { status: 'error', message },
          );
        },
      );
    },
    [],
  );

  const start = wanted && state.status === 'idle';
  useEffect(() => {
    if (start) load((onProgress) => loadFashionMnist(FASHION_DATA_URL, onProgress));
  }, [start, load]);

  const loadFiles = useCallback(
    (files: readonly File[]) => {
      setState({ status: 'loading', fraction: 0 });
      load((onProgress) => fashionMnistFromFiles(files, onProgress));
    },
    [load],
  );
  // Asked for and not answered yet: loading, before the first byte arrives.
  return { state: start ? { status: 'loading', fraction: 0 } : state, loadFiles };
}
