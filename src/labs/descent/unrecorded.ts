import type { RunHistory } from '../../runs/history/store';

/**
 * Where runs go when the browser keeps no history (no IndexedDB, or it refused to open): nowhere.
 * The lab still draws and exports them from the recorders' live records.
 */
export const UNRECORDED: RunHistory = {
  list: async () => [],
  get: async () => undefined,
  put: async () => {},
  rename: async () => {},
  setColor: async () => {},
  remove: async () => {},
  importRuns: async () => 0,
  subscribe: () => () => {},
};
