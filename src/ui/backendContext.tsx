import { createContext, useContext, useSyncExternalStore } from 'react';
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
