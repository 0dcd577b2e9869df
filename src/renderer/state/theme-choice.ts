/** The theme a person picked (System, Light or Dark), kept in localStorage; System follows the operating system. */
import { create } from 'zustand';
import { useOsPrefersDark } from '../use-os-theme';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const KEY = 'pal-desk.theme';

const saved = (): ThemeChoice => {
  try {
    const value = localStorage.getItem(KEY);
    return THEME_CHOICES.includes(value as ThemeChoice) ? (value as ThemeChoice) : 'system';
  } catch {
    return 'system';
  }
};

export const useThemeChoice = create<{ choice: ThemeChoice; choose(choice: ThemeChoice): void }>((set) => ({
  choice: saved(),
  choose(choice) {
    /** A first screen rendered by main keeps its dark theme under a dark OS unless this says Light (public/theme.js sets it at load). */
    document.documentElement.dataset.theme = choice;
    try {
      localStorage.setItem(KEY, choice);
    } catch {
      // Storage refused (private mode): the choice still holds until the window closes.
    }
    set({ choice });
  },
}));

/** True when the app should be dark: the person's choice, or the operating system's under System. */
export function useDarkTheme(): boolean {
  const choice = useThemeChoice((s) => s.choice);
  const osDark = useOsPrefersDark();
  return choice === 'system' ? osDark : choice === 'dark';
}
