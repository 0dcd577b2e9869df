/** Loads the Settings page's facts about this installation (cloud profile, data folder and size, versions) from main. */
import { useCallback, useEffect, useState } from 'react';
import type { AboutView } from '../../shared/about-types';
import type { AppError } from '../../shared/result';
import { api } from '../api';

export function useAbout(): { about: AboutView | null; error: AppError | null; reload(): void } {
  const [about, setAbout] = useState<AboutView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const reload = useCallback(() => {
    void api?.data.about().then((result) => {
      setAbout(result.ok ? result.value : null);
      setError(result.ok ? null : result.error);
    });
  }, []);
  useEffect(reload, [reload]);
  return { about, error, reload };
}
