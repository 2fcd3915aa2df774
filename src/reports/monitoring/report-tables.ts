import { CLASS_ORDER, CLASS_ZH, type MonitoringReportInput, type ReportProgress, type ReportTarget } from './report-input.ts';
import { figureText, NONE, percentText, reportPrecision, targetText } from './format-figures.ts';

/**
 * Every table of the brief as plain data, laid out once and rendered twice: into the .docx (the
 * `text` of each cell) and into the .xlsx (the `value`, a real number where the figure is one).
 */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'percent';
export interface TableColumn {
  header: string;
  kind: ColumnKind;
  /** Relative width in the brief; the .xlsx sizes columns from it too. */
  width: number;
  /** Columns only the spreadsheet carries (the brief's A4 page has no room for them). */
  xlsxOnly?: boolean;
}
/** text: as printed in the brief; value: what the spreadsheet stores (decimal string, ratio, count or text). */
export interface TableCell {
  text: string;
  value: string | number | null;
  /** Decimals a decimal figure is shown with (its indicator's precision); the .xlsx keeps the exact value. */
  decimals?: number;
}
export interface ReportTable {
  id: 'classes' | 'warnings' | 'progress' | 'behind' | 'freshness' | 'published' | 'commentary';
  /** 表N title as captioned in the brief. */
  title: string;
  /** Excel sheet name (≤ 31 characters). */
  sheetName: string;
  columns: TableColumn[];
  rows: TableCell[][];
}

const text = (t: string | null | undefined): TableCell => ({ text: t ?? NONE, value: t ?? null });
const count = (n: number): TableCell => ({ text: String(n), value: n });
const ratio = (r: number | null): TableCell => ({ text: percentText(r), value: r });
const decimal = (v: string | null, shown: string, decimals?: number): TableCell => ({ text: shown, value: v, decimals });

const ORIGIN_ZH = { reported: '报送', published: '公开', plan: '规划', synthetic: '模拟' } as const;
const WARNING_ZH = { red: '红色', yellow: '黄色', green: '绿色' } as const;

/**
 * How a target is named in the brief: the indicator with its unit, prefixed with the subject
 * (org unit or group) only when the plan sets targets for more than one subject. A target judged on
 * synthetic demo figures is named with （模拟）, so every row and sentence about it — its class, warning,
 * projection, suggestion — carries the mark, not only the figure itself.
 */
export function targetLabeller(p: ReportProgress): (t: ReportTarget) => string {
  const several = new Set(p.targets.map((t) => t.subject.code)).size > 1;
  return (t) =>
    `${several ? `${t.subject.name}` : ''}${t.indicator.name}${t.indicator.unit ? `（${t.indicator.unit}）` : ''}` +
    (t.judgement.currentOrigin === 'synthetic' ? SYNTHETIC_MARK : '');
}

export const SYNTHETIC_MARK = '（模拟）';

/** 表1: targets by class, with the share of the total. */
export function classTable(p: ReportProgress): ReportTable {
  const total = p.summary.total;
  const synthetic = p.targets.filter((t) => t.judgement.currentOrigin === 'synthetic');
  return {
    id: 'classes',
    title: '各类目标数量',
    sheetName: '目标分类统计',
    columns: [
      { header: '判定', kind: 'text', width: 3 },
      { header: '数量（项）', kind: 'integer', width: 2 },
      { header: '占比', kind: 'percent', width: 2 },
      // The counts above include targets judged on synthetic demo figures; this says how many.
      { header: '其中模拟（项）', kind: 'integer', width: 2 },
    ],
    rows: [
      ...CLASS_ORDER.map((c) => [
        text(CLASS_ZH(c)),
        count(p.summary.byClass[c]),
        ratio(total ? p.summary.byClass[c] / total : null),
        count(synthetic.filter((t) => t.judgement.class === c).length),
      ]),
      [text('合计'), count(total), ratio(total ? 1 : null), count(synthetic.length)],
    ],
  };
}

/** 表2: red and yellow warnings with their reasons. */
export function warningTable(p: ReportProgress): ReportTable {
  const label = targetLabeller(p);
  const warned = p.targets.filter((t) => t.warning.level !== 'green');
  warned.sort((a, b) => (a.warning.level === b.warning.level ? a.ordinal - b.ordinal : a.warning.level === 'red' ? -1 : 1));
  return {
    id: 'warnings',
    title: '预警指标',
    sheetName: '预警指标',
    columns: [
      { header: '指标', kind: 'text', width: 4 },
      { header: '预警等级', kind: 'text', width: 1.5 },
      { header: '预警原因', kind: 'text', width: 6 },
    ],
    rows: warned.map((t) => [
      text(label(t)),
      text(WARNING_ZH[t.warning.level]),
      text(t.warning.reasons.map((r) => r.zh).join('；') || NONE),
    ]),
  };
}

/** 表3: every target's progress, in plan order. */
export function progressTable(p: ReportProgress): ReportTable {
  const label = targetLabeller(p);
  const precision = reportPrecision(p);
  return {
    id: 'progress',
    title: '主要指标进展',
    sheetName: '主要指标进展',
    columns: [
      { header: '序号', kind: 'integer', width: 0.55 },
      { header: '指标', kind: 'text', width: 2.4 },
      { header: '单位', kind: 'text', width: 1, xlsxOnly: true },
      { header: '目标值', kind: 'text', width: 2.2 },
      { header: '数据年份', kind: 'integer', width: 1, xlsxOnly: true },
      { header: '当前值', kind: 'decimal', width: 1.45 },
      { header: '数据来源', kind: 'text', width: 1, xlsxOnly: true },
      { header: '完成度', kind: 'percent', width: 1.1 },
      { header: '需年均增长', kind: 'percent', width: 1.1 },
      { header: '已实现年均增长', kind: 'percent', width: 1.1 },
      { header: '判定', kind: 'text', width: 1.25 },
    ],
    // 序号 counts the plan's targets in plan order (the API's ordinal is zero-based).
    rows: p.targets.map((t, i) => {
      const j = t.judgement;
      const d = precision.get(t.indicator.code);
      return [
        count(i + 1),
        text(label(t)),
        text(t.indicator.unit),
        text(targetText(t)),
        j.dataYear === null ? text(null) : count(j.dataYear),
        decimal(j.current, figureText(j.current, j.currentOrigin, d), d),
        text(j.currentOrigin ? ORIGIN_ZH[j.currentOrigin] : null),
        ratio(j.achievementRatio),
        ratio(j.requiredAnnualGrowth),
        ratio(j.observedAnnualGrowth),
        text(j.classLabel.zh),
      ];
    }),
  };
}

/** 表4: the behind targets with the projection to their target year. */
export function behindTable(p: ReportProgress): ReportTable {
  const label = targetLabeller(p);
  const precision = reportPrecision(p);
  return {
    id: 'behind',
    title: '滞后指标',
    sheetName: '滞后指标',
    columns: [
      { header: '指标', kind: 'text', width: 2.6 },
      { header: '目标值', kind: 'text', width: 2.4 },
      { header: '当前值', kind: 'decimal', width: 1.9 },
      { header: '完成度', kind: 'percent', width: 1.1 },
      { header: '预测年份', kind: 'integer', width: 1, xlsxOnly: true },
      { header: '预测值', kind: 'decimal', width: 1.9 },
      { header: '预测区间', kind: 'text', width: 2.4 },
    ],
    rows: behindTargets(p).map((t) => {
      const j = t.judgement;
      const pr = j.projection;
      const d = precision.get(t.indicator.code);
      return [
        text(label(t)),
        text(targetText(t)),
        decimal(j.current, figureText(j.current, j.currentOrigin, d), d),
        ratio(j.achievementRatio),
        pr ? count(pr.year) : text(null),
        pr ? decimal(projected(pr.value), `${pr.year}年${projected(pr.value)}`) : text(null),
        text(pr ? `${projected(pr.low)}～${projected(pr.high)}` : null),
      ];
    }),
  };
}

/** 表5: targets whose figures are stale or owed, and who owes them. */
export function freshnessTable(p: ReportProgress): ReportTable {
  const label = targetLabeller(p);
  return {
    id: 'freshness',
    title: '数据更新情况',
    sheetName: '数据更新情况',
    columns: [
      { header: '指标', kind: 'text', width: 3.4 },
      { header: '最近数据期', kind: 'text', width: 1.5 },
      { header: '最近更新', kind: 'text', width: 1.8 },
      { header: '状态', kind: 'text', width: 1.2 },
      { header: '待报单位', kind: 'text', width: 2.4 },
      { header: '报表', kind: 'text', width: 1.5, xlsxOnly: true },
      { header: '待报期', kind: 'text', width: 1.3 },
      { header: '截止日期', kind: 'text', width: 1.6 },
    ],
    rows: needsFigures(p).map((t) => {
      const f = t.freshness;
      return [
        text(label(t)),
        text(f.lastPeriod),
        text(f.lastUpdated?.slice(0, 10)),
        text(f.stale ? '数据过期' : '正常'),
        text(f.owes?.orgUnitName),
        text(f.owes?.formName),
        text(f.owes?.period),
        text(f.owes?.dueDate),
      ];
    }),
  };
}

/** 附表: every published figure behind a target, with the source that states it, so each can be checked. */
export function publishedTable(p: ReportProgress, published: MonitoringReportInput['published']): ReportTable {
  const label = targetLabeller(p);
  const byKey = new Map(p.targets.map((t) => [t.key, t]));
  const rows: TableCell[][] = [];
  for (const { targetKey, figures } of published ?? []) {
    const t = byKey.get(targetKey);
    if (!t) continue;
    for (const f of figures)
      rows.push([
        text(label(t)),
        text(f.orgUnitName),
        text(f.cumulative ? `${f.period}（累计）` : f.period),
        decimal(f.value, `${f.value}${f.unit}`),
        text(`${f.citation.publishedValue}${f.citation.publishedUnit}`),
        text(f.citation.quote),
        text(f.citation.title),
        text(f.citation.publisher),
        text(f.citation.publishedOn),
        text(f.citation.url),
      ]);
  }
  return {
    id: 'published',
    title: '公开数据来源',
    sheetName: '公开数据来源',
    columns: [
      { header: '指标', kind: 'text', width: 2.2 },
      { header: '单位', kind: 'text', width: 1.2, xlsxOnly: true },
      { header: '期间', kind: 'text', width: 1.1 },
      { header: '数值', kind: 'decimal', width: 1.3 },
      { header: '原文数值', kind: 'text', width: 1.2, xlsxOnly: true },
      { header: '引文', kind: 'text', width: 3.4 },
      { header: '来源', kind: 'text', width: 2.2 },
      { header: '发布单位', kind: 'text', width: 1.8, xlsxOnly: true },
      { header: '发布日期', kind: 'text', width: 1.2 },
      { header: '网址', kind: 'text', width: 3, xlsxOnly: true },
    ],
    rows,
  };
}

/** 附表: the responsible units' commentary on their targets for the period (issue 19), in plan order. */
export function commentaryTable(p: ReportProgress, commentary: MonitoringReportInput['commentary']): ReportTable {
  const label = targetLabeller(p);
  const byKey = new Map(p.targets.map((t) => [t.key, t]));
  const rows: TableCell[][] = [];
  for (const c of commentary ?? []) {
    const t = byKey.get(c.targetKey);
    if (!t) continue;
    rows.push([text(label(t)), text(c.owner ?? '（多个单位）'), text(c.text)]);
  }
  return {
    id: 'commentary',
    title: '责任单位进展说明',
    sheetName: '进展说明',
    columns: [
      { header: '指标', kind: 'text', width: 2.4 },
      { header: '责任单位', kind: 'text', width: 1.6 },
      { header: '进展说明', kind: 'text', width: 5 },
    ],
    rows,
  };
}

export const behindTargets = (p: ReportProgress): ReportTarget[] => p.targets.filter((t) => t.judgement.class === 'behind');
export const needsFigures = (p: ReportProgress): ReportTarget[] =>
  p.targets.filter((t) => t.freshness.stale || t.freshness.owes !== null);

/** Projections are the engine's estimates, not reported figures: two decimals are all they merit. */
export function projected(v: number): string {
  return String(Math.round(v * 100) / 100);
}

export function allTables(p: ReportProgress): ReportTable[] {
  return [classTable(p), warningTable(p), progressTable(p), behindTable(p), freshnessTable(p)];
}
