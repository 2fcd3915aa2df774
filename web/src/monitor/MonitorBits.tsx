import type { Judgement, ProgressClass, ProgressMethod, WarningLevel } from '../api/progressTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CLASS_COLOURS, escapIndex } from './classes.ts';

/** 提前实现 / 快于预期 / 基本符合预期 / 滞后 / 数据不足, in the class's colour. */
export function ClassBadge({ cls }: { cls: ProgressClass | null }) {
  const { t, label } = useI18n();
  if (cls === null) return <span className="muted">{t('common.dash')}</span>;
  return (
    <span className={`badge badge-class class-${cls}`} data-testid="class-badge" data-class={cls}>
      <span className="class-dot" style={{ background: CLASS_COLOURS[cls] }} aria-hidden="true" />
      {label('monitor.class', cls)}
    </span>
  );
}

/** 模拟数据: demo figures are always marked, so they are never taken for real statistics. */
export function SyntheticTag() {
  const { t } = useI18n();
  return (
    <span className="badge tag-synthetic" title={t('monitor.syntheticTitle')} data-testid="synthetic-tag">
      {t('monitor.synthetic')}
    </span>
  );
}

export function WarningBadge({ level }: { level: WarningLevel }) {
  const { label } = useI18n();
  return (
    <span className={`badge badge-warning warning-${level}`} data-testid="warning-badge" data-level={level}>
      {label('monitor.warning', level)}
    </span>
  );
}

/** A share (0..1) as a percentage with one decimal: 0.419 → 41.9%. */
export function usePercent(): (share: number | null | undefined) => string {
  const { t, num } = useI18n();
  return (share) =>
    share === null || share === undefined || !Number.isFinite(share)
      ? t('common.dash')
      : t('monitor.percent', { n: num((share * 100).toFixed(1)) });
}

/** A method's own verdict, in its own words (UNSD and Open SDG categories, the ESCAP index). */
export function MethodVerdict({ method, judgement }: { method: ProgressMethod; judgement: Judgement }) {
  const { t, label, num } = useI18n();
  const pct = usePercent();
  const m = judgement.methodClass;
  switch (method) {
    case 'official':
      return <ClassBadge cls={m.official} />;
    case 'unsd':
      return <span>{m.unsd === null ? t('common.dash') : label('monitor.unsd', m.unsd)}</span>;
    case 'opensdg':
      return <span>{m.opensdg === null ? t('common.dash') : label('monitor.opensdg', m.opensdg)}</span>;
    case 'escap':
      return (
        <span>
          {m.escap === null ? t('common.dash') : t('monitor.escap.stars', { n: num(m.escap), index: pct(escapIndex(judgement)) })}
        </span>
      );
  }
}
