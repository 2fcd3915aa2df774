import { api } from '../api/client.ts';
import type { IndicatorRef } from '../api/progressTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { indicatorChoices } from './defaults.ts';

/** The indicators a plan has targets for (from its progress at `at`), those with data first (defaults.ts). */
export function useIndicatorChoices(planId: string | null, at: string | null) {
  return useAsync(
    async (signal): Promise<IndicatorRef[]> => {
      if (!planId || !at) return [];
      const progress = await api.progress(planId, at, null, signal);
      return indicatorChoices(progress.targets);
    },
    [planId, at],
  );
}
