import { createContext, useContext, type ReactNode } from 'react';

/** The controls a classroom link hides (`<name>_hide=true`), by name. */
export const HiddenControlsContext = createContext<ReadonlySet<string>>(new Set());

export function useHiddenControls(): ReadonlySet<string> {
  return useContext(HiddenControlsContext);
}

export function useHidden(name: string | undefined): boolean {
  const hidden = useContext(HiddenControlsContext);
  return name !== undefined && hidden.has(name);
}

/** Draws its children unless a classroom link hides `name`. */
export function Hideable({ name, children }: { name: string; children: ReactNode }) {
  return useHidden(name) ? null : children;
}
