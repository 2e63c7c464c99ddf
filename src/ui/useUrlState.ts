import { useEffect, useState } from 'react';
import type { Notice } from '../engine/repair';

/**
 * Settings that live in the page's query string: read (and repaired, with notices) once, written
 * back on every change without a new history entry, so the address is always a shareable link.
 */
export function useUrlState<T>(
  decode: (params: URLSearchParams) => { settings: T; notices: Notice[] },
  encode: (settings: T, params: URLSearchParams) => URLSearchParams,
) {
  const [initial] = useState(() => decode(new URLSearchParams(window.location.search)));
  const [settings, setSettings] = useState<T>(initial.settings);
  useEffect(() => {
    const params = encode(settings, new URLSearchParams(window.location.search));
    const url = `${window.location.pathname}?${params.toString()}${window.location.hash}`;
    window.history.replaceState(null, '', url);
  }, [settings, encode]);
  return { settings, setSettings, notices: initial.notices };
}
