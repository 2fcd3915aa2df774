import { useCallback, useMemo } from 'react';
import { indicatorPrecision } from '../../../src/domain/format/indicator-precision.ts';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { useI18n, type I18n } from '../i18n/I18nProvider.tsx';

/** Every target's written figures, read once: the precision of each indicator (the homes use the same rule). */
let precision: Promise<Map<string, number>> | null = null;
function loadPrecision(): Promise<Map<string, number>> {
  precision ??= api.targets({}).then(indicatorPrecision, (err: unknown) => {
    precision = null;
    throw err;
  });
  return precision;
}

/**
 * A figure of an indicator as the pages show it (issue 19): to the indicator's precision (the most
 * decimals its plans write it with) in the language's format; an indicator no plan targets, or while
 * the precision loads, falls back to the written precision (num).
 */
export function useIndicatorFigure(): (value: string | number | null | undefined, indicator: string) => string {
  const { num, fixed } = useI18n();
  const decimalsOf = useIndicatorDecimals();
  return useCallback(
    (value, indicator) => {
      const d = decimalsOf(indicator);
      return d === undefined ? num(value) : fixed(value, d);
    },
    [decimalsOf, num, fixed],
  );
}

/** The indicator's precision once loaded; undefined for an indicator no plan targets (or while loading). */
export function useIndicatorDecimals(): (indicator: string) => number | undefined {
  const state = useAsync(() => loadPrecision(), []);
  const map = state.status === 'ok' ? state.data : null;
  return useCallback((indicator) => map?.get(indicator), [map]);
}

/**
 * The page's i18n with `num` showing one indicator's figures to its precision: handed to the chart
 * options and tables of that indicator, so tooltips, labels and cells agree.
 */
export function useIndicatorI18n(indicator: string | null | undefined): I18n {
  const i18n = useI18n();
  const figure = useIndicatorFigure();
  return useMemo(
    () => (indicator ? { ...i18n, num: (v: string | number | null | undefined) => figure(v, indicator) } : i18n),
    [i18n, figure, indicator],
  );
}
