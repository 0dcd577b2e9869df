/** Follows the operating system's light/dark preference and updates when it changes. */
import { useSyncExternalStore } from 'react';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

const subscribe = (onChange: () => void) => {
  const media = query();
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
};

export function useOsPrefersDark(): boolean {
  return useSyncExternalStore(subscribe, () => query().matches);
}
