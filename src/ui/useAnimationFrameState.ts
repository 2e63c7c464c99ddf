import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Returns a `requestRender` that schedules one re-render per animation frame at most, however
 * often it is called: training events can arrive thousands of times a second.
 */
export function useFrameThrottledRender(): () => void {
  const [, setTick] = useState(0);
  const scheduled = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (scheduled.current !== null) cancelAnimationFrame(scheduled.current);
    },
    [],
  );
  return useCallback(() => {
    if (scheduled.current !== null) return;
    scheduled.current = requestAnimationFrame(() => {
      scheduled.current = null;
      setTick((t) => t + 1);
    });
  }, []);
}
