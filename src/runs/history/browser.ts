import { openRunHistory, type RunHistory } from './store';

let opening: Promise<RunHistory | null> | null = null;

/**
 * The page's one run history, opened on first use. Null where there is no IndexedDB (Node, the
 * unit tests) or the browser refuses it (some private modes): the labs then train unrecorded.
 */
export function browserRunHistory(): Promise<RunHistory | null> {
  opening ??=
    typeof indexedDB === 'undefined'
      ? Promise.resolve(null)
      : openRunHistory(indexedDB).catch((err: unknown) => {
          console.error('the run history could not be opened; runs are not recorded', err);
          return null;
        });
  return opening;
}
