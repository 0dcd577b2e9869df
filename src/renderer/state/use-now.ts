/** The current time, refreshed on an interval, so ages on screen ("3 min ago") keep up without a reload. */
import { useEffect, useState } from 'react';

/** `from`: the time the first render counts from (when its data was read, so main's first screen and the window's agree). */
export function useNow(intervalMs: number, from?: number | null): number {
  const [now, setNow] = useState(() => from ?? Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
