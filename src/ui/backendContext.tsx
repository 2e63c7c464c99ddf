import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { BackendController, BackendState } from '../engine/backendController';

export const BackendContext = createContext<BackendController | null>(null);

export function useBackendController(): BackendController {
  const controller = useContext(BackendContext);
  if (!controller) throw new Error('useBackendController needs a BackendContext provider');
  return controller;
}

export function useBackendState(): BackendState {
  const controller = useBackendController();
  return useSyncExternalStore(
    (onChange) => controller.on('change', onChange),
    () => controller.state,
  );
}

/** Starts the backend a Train press would start (see `warmUp`) once the page is idle. */
export function useBackendWarmUp(): void {
  const controller = useBackendController();
  useEffect(() => {
    // Safari has no requestIdleCallback.
    if (typeof requestIdleCallback === 'undefined') {
      const id = setTimeout(() => void controller.warmUp(), 1000);
      return () => clearTimeout(id);
    }
    const id = requestIdleCallback(() => void controller.warmUp(), { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }, [controller]);
}
