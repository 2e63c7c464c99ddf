import { useEffect, useRef, useState } from 'react';

/**
 * `value`, changed at most once every `ms` milliseconds: a change comes through at once if the
 * last one is older than that, else when it is; the latest value always comes through in the end.
 * `ms` of 0 passes every value on at once.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const shownAt = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    if (ms <= 0) return;
    const show = () => {
      shownAt.current = performance.now();
      setShown(() => value);
    };
    const wait = shownAt.current + ms - performance.now();
    if (wait <= 0) {
      show();
      return;
    }
    const id = setTimeout(show, wait);
    return () => clearTimeout(id);
  }, [value, ms]);
  return ms <= 0 ? value : shown;
}
