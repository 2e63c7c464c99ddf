import { useEffect, useState } from 'react';
import { browserRunHistory } from '../runs/history/browser';
import type { RunLab, RunRecord } from '../runs/history/record';
import type { RunHistory } from '../runs/history/store';

export interface RunHistoryView {
  /** Null until the history is open (or when the browser has none). */
  history: RunHistory | null;
  /** The runs (of `lab`, if given), oldest first; null until first listed. */
  runs: RunRecord[] | null;
  /** The browser keeps no data for the page: nothing is recorded. */
  unavailable: boolean;
}

/** The page's run history, listed again after every change (here or in another tab). */
export function useRunHistory(lab?: RunLab): RunHistoryView {
  const [history, setHistory] = useState<RunHistory | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [runs, setRuns] = useState<RunRecord[] | null>(null);

  useEffect(() => {
    let live = true;
    void browserRunHistory().then((opened) => {
      if (!live) return;
      if (opened) setHistory(opened);
      else setUnavailable(true);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!history) return;
    let live = true;
    let listing = false;
    let again = false;
    // One listing at a time; changes during it make one more, not one each.
    const relist = async () => {
      if (listing) {
        again = true;
        return;
      }
      listing = true;
      try {
        do {
          again = false;
          const listed = await history.list(lab);
          if (live) setRuns(listed);
        } while (again && live);
      } catch (err) {
        console.error('the run history could not be listed', err);
      } finally {
        listing = false;
      }
    };
    void relist();
    const unsubscribe = history.subscribe(() => void relist());
    return () => {
      live = false;
      unsubscribe();
    };
  }, [history, lab]);

  return { history, runs, unavailable };
}
