import { startTransition, useEffect, useState } from 'react';

/** A lab's run as its page sees it: its current state and a way to hear of changes. */
interface RunStore<S> {
  readonly state: S;
  on(event: 'change', listener: (state: S) => void): () => void;
}

/**
 * The run's state, re-rendered in React transitions: React renders them in slices of a few
 * milliseconds between the training's own tasks, so a chart's update never holds the main
 * thread for long (a `useSyncExternalStore` render runs whole, inside the training's task).
 */
export function useRunState<S>(run: RunStore<S>): S {
  const [seen, setSeen] = useState({ run, state: run.state });
  useEffect(() => {
    const show = (state: S) => startTransition(() => setSeen({ run, state }));
    const off = run.on('change', show);
    // A change between the render and this subscription would otherwise wait for the next one.
    queueMicrotask(() => show(run.state));
    return off;
  }, [run]);
  // A new run (another backend) is shown at once, not after its first change.
  return seen.run === run ? seen.state : run.state;
}
