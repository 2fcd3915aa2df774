import { api } from '../../api/client.ts';
import type { IndicatorRef } from '../../api/progressTypes.ts';
import { useAsync } from '../../api/useAsync.ts';

/** The indicators a plan has targets for (from its progress at `at`), in plan order, each once. */
export function useIndicatorChoices(planId: string | null, at: string | null) {
  return useAsync(
    async (signal): Promise<IndicatorRef[]> => {
      if (!planId || !at) return [];
      const progress = await api.progress(planId, at, null, signal);
      const seen = new Map<string, IndicatorRef>();
      for (const x of progress.targets) if (!seen.has(x.indicator.code)) seen.set(x.indicator.code, x.indicator);
      return [...seen.values()];
    },
    [planId, at],
  );
}
