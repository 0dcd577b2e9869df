/** Follows the operating system's light/dark preference and updates when it changes. */
import { useSyncExternalStore } from 'react';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

const subscribe = (onChange: () => void) => {
  const media = query();
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
};

/** Main renders the first screen light; its stylesheet turns it dark under a dark OS until the app has hydrated. */
export function useOsPrefersDark(): boolean {
  return useSyncExternalStore(subscribe, () => query().matches, () => false);
}
