import { Decimal } from 'decimal.js';
import { formatNumber } from './explain.ts';
import type { ProgressJudgement } from './judge-progress.ts';
import { plainJudgement } from './judgement-shell.ts';
import { yearOnYearRates } from './rate-series.ts';
import type { TargetFacts, YearValue } from './types.ts';

interface Names {
  name: { zh: string; en: string };
  unit: { zh: string; en: string };
}

/**
 * A floor or ceiling that must hold in every year of the plan (每年增长10%以上, 控制在5.5%以内, 保持在6.5亿吨以上):
 * each year from the plan's start to the as-of year is checked. Held in every year with a figure → 基本符合预期
 * (never 提前实现: the rule binds until the last year); broken in any year → 滞后, naming the years. For
 * annual_growth the yearly rates are checked (the figures themselves when the indicator reports rates).
 */
export function judgeEveryYear(
  f: TargetFacts,
  observed: readonly YearValue[],
  asOfYear: number,
  timeElapsedShare: number,
  names: Names,
): ProgressJudgement | null {
  const rule = yearlyRule(f);
  if (!rule) return null;
  const growth = f.comparator === 'annual_growth';
  const values =
    growth && f.measure !== 'annual_change' ? yearOnYearRates([...(f.baseline ? [f.baseline] : []), ...observed]) : observed;
  const checked = values.filter((v) => v.year >= f.periodStart && v.year <= asOfYear).sort((a, b) => a.year - b.year);
  const latest = checked[checked.length - 1];
  const unitZh = growth ? '%' : names.unit.zh;
  const unitEn = growth ? '%' : names.unit.en ? ` ${names.unit.en}` : '';
  const what = {
    zh: `${names.name.zh}${growth ? '每年增速' : '每年'}须${rule.sense === 'up' ? '不低于' : '不高于'}${formatNumber(rule.level.toString())}${unitZh}`,
    en: `${names.name.en}${growth ? ' growth' : ''} must be ${rule.sense === 'up' ? 'at least' : 'at most'} ${formatNumber(rule.level.toString())}${unitEn} every year`,
  };
  if (!latest || latest.year < asOfYear - 1)
    return plainJudgement({
      dataYear: latest?.year ?? null,
      current: latest?.value ?? null,
      met: null,
      timeElapsedShare,
      class: 'insufficient_data',
      explanation: {
        zh: `${what.zh}；${latest ? `最新数据为${latest.year}年，早于${asOfYear - 1}年` : `截至${asOfYear}年无监测数据`}，判定数据不足。`,
        en: `${what.en}; ${latest ? `latest figure: ${latest.year}, older than ${asOfYear - 1}` : `no data up to ${asOfYear}`}: insufficient data.`,
      },
    });
  const breaches = checked.filter((v) =>
    rule.sense === 'up' ? new Decimal(v.value).lt(rule.level) : new Decimal(v.value).gt(rule.level),
  );
  const list = (vs: readonly YearValue[], unit: string) => vs.map((v) => `${v.year}年${formatNumber(v.value)}${unit}`).join('、');
  const listEn = (vs: readonly YearValue[]) => vs.map((v) => `${formatNumber(v.value)}${unitEn} in ${v.year}`).join(', ');
  if (breaches.length > 0)
    return plainJudgement({
      dataYear: latest.year,
      current: latest.value,
      met: false,
      timeElapsedShare,
      class: 'behind',
      explanation: {
        zh: `${what.zh}，${list(breaches, unitZh)}${rule.sense === 'up' ? '低于下限' : '超出上限'}，滞后。`,
        en: `${what.en}; ${rule.sense === 'up' ? 'below the floor' : 'above the ceiling'}: ${listEn(breaches)}: behind.`,
      },
    });
  return plainJudgement({
    dataYear: latest.year,
    current: latest.value,
    met: true,
    timeElapsedShare,
    class: 'on_track',
    explanation: {
      zh: `${what.zh}，${list(checked, unitZh)}均已达到，基本符合预期。`,
      en: `${what.en}; held in every year so far (${listEn(checked)}): on track.`,
    },
  });
}

function yearlyRule(f: TargetFacts): { sense: 'up' | 'down'; level: Decimal } | null {
  const t = f.target;
  switch (f.comparator) {
    case 'at_least':
      return t.value === undefined ? null : { sense: 'up', level: new Decimal(t.value) };
    case 'at_most':
      return t.value === undefined ? null : { sense: 'down', level: new Decimal(t.value) };
    case 'annual_growth': {
      if (t.rate === undefined) return null;
      const rate = new Decimal(t.rate);
      const down = f.direction === 'lower_better' || (f.direction === 'in_range' && rate.isNeg());
      return { sense: down ? 'down' : 'up', level: rate };
    }
    default:
      return null;
  }
}
