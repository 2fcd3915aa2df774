import type { TargetProgress } from '../api/progressTypes.ts';
import type { I18n } from '../i18n/I18nProvider.tsx';

/** The target as a short phrase: the plan's own wording when there is one, else value / range / rate. */
export function targetText(t: TargetProgress, i18n: Pick<I18n, 'num' | 't'>): string {
  const g = t.target;
  const unit = t.indicator.unit;
  if (g.text) return g.text;
  if (g.value !== null) return `${g.year}: ${i18n.num(g.value)}${unit}`;
  if (g.min !== null || g.max !== null) return `${g.year}: ${i18n.num(g.min ?? '')}～${i18n.num(g.max ?? '')}${unit}`;
  if (g.rate !== null) return `${g.year}: ${i18n.t('monitor.perYear', { n: i18n.num(g.rate) })}`;
  return String(g.year);
}
