import { useCallback, useEffect, useState } from 'react';
import {
  DataMissingError,
  fashionMnistFromFiles,
  loadFashionMnist,
  type FashionMnist,
  type LoadProgress,
} from '../data/fashionMnist';
import { errorText, type Text } from '../engine/message';

/** Where `npm start` (scripts/fetch-data.ts) puts the files, relative to the page. */
export const DATA_URL = 'data/fashion-mnist';

/** Where the data came from: the lab's server, or files the student gave. */
export type DataSource = 'server' | 'files';

export type DataState =
  | { status: 'idle' }
  | { status: 'loading'; fraction: number; stage: LoadProgress['stage'] }
  | { status: 'ready'; data: FashionMnist; source: DataSource; seconds: number }
  | { status: 'missing'; message: Text }
  | { status: 'error'; message: Text };

// Loaded once per page: switching labs and back does not load 30 MB again.
let loaded: { data: FashionMnist; source: DataSource; seconds: number } | null = null;

function progressTracker(onChange: (fraction: number, stage: LoadProgress['stage']) => void) {
  const files = new Map<string, { loaded: number; total: number; done: boolean }>();
  return (p: LoadProgress) => {
    const total = p.totalBytes ?? Math.max(p.loadedBytes, files.get(p.file)?.total ?? 0);
    files.set(p.file, { loaded: p.loadedBytes, total, done: p.stage === 'done' });
    const entries = [...files.values()];
    // Bytes are a fair measure of the download; the four files' parse steps add a little at the end.
    const bytes = entries.reduce((sum, f) => sum + Math.min(f.loaded, f.total || f.loaded), 0);
    const totalBytes = entries.reduce((sum, f) => sum + (f.total || f.loaded), 0);
    const done = entries.filter((f) => f.done).length;
    onChange(0.9 * (totalBytes ? bytes / totalBytes : 0) + 0.1 * (done / 4), p.stage);
  };
}

/**
 * Fashion-MNIST, loaded from the server once `wanted` (at once by default), or from files the
 * student picks when the server does not have them. Once per page, for every lab.
 */
export function useFashionData(wanted = true): {
  state: DataState;
  loadFiles: (files: readonly File[]) => void;
} {
  const [state, setState] = useState<DataState>(() =>
    loaded ? { status: 'ready', ...loaded } : { status: 'idle' },
  );

  const load = useCallback(
    (source: DataSource, get: (onProgress: (p: LoadProgress) => void) => Promise<FashionMnist>) => {
      const started = performance.now();
      const onProgress = progressTracker((fraction, stage) =>
        setState((s) =>
          s.status === 'idle' || s.status === 'loading'
            ? { status: 'loading', fraction, stage }
            : s,
        ),
      );
      get(onProgress).then(
        (data) => {
          loaded = { data, source, seconds: (performance.now() - started) / 1000 };
          setState({ status: 'ready', ...loaded });
        },
        (err: unknown) => {
          const message = errorText(err);
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

  // Sets state only when the files answer: the effect starts the work without a render of its own.
  const start = wanted && state.status === 'idle';
  useEffect(() => {
    if (start) load('server', (onProgress) => loadFashionMnist(DATA_URL, onProgress));
  }, [start, load]);

  const loadFiles = useCallback(
    (files: readonly File[]) => {
      setState({ status: 'loading', fraction: 0, stage: 'download' });
      load('files', (onProgress) => fashionMnistFromFiles(files, onProgress));
    },
    [load],
  );
  // Asked for and not answered yet: loading, before the first byte arrives.
  return {
    state: start ? { status: 'loading', fraction: 0, stage: 'download' } : state,
    loadFiles,
  };
}
