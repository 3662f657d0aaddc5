import { useEffect, useState } from 'react';

/**
 * The current time in epoch ms, re-rendering every second. `clockOffsetMs` (server − screen clock)
 * keeps ticking figures in step with the api's clock when the TV's own clock is off.
 */
export function useNow(clockOffsetMs = 0, intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now + clockOffsetMs;
}
