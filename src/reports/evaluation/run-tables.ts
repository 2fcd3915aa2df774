import { historyEntries, type HistoryEntry, type RunGradeHistory } from '../../domain/evaluation/grade-history.ts';
import { runNames } from '../../domain/evaluation/run-names.ts';
import type { RunView, UnitResultView } from '../../presenters/evaluation.presenter.ts';
import type { TableCell, TableColumn } from '../monitoring/report-tables.ts';

/**
 * The tables of an evaluation run as plain data, laid out once and rendered twice: into the .docx (each
 * cell's `text`) and the .xlsx (its `value`: a real number where the figure is one). Scores and weights are
 * the engine's float64 results; raw figures stay the decimal strings that were reported.
 */
export type Lang = 'zh' | 'en';
export interface EvalColumn extends TableColumn {
  /** Excel number format of the column (numbers only). */
  numFmt?: string;
}
export interface EvalTable {
  title: string;
  /** Excel sheet name (≤ 31 characters). */
  sheetName: string;
  columns: EvalColumn[];
  rows: TableCell[][];
}

export const DASH = '—';
const text = (t: string | null): TableCell => ({ text: t ?? DASH, value: t });
const int = (n: number | null): TableCell => ({ text: n === null ? DASH : String(n), value: n });
const fixed = (x: number | null, digits: number): TableCell => ({ text: x === null ? DASH : x.toFixed(digits), value: x });
const pct = (x: number | null): TableCell => ({ text: x === null ? DASH : `${(x * 100).toFixed(1)}%`, value: x });
type ColumnExtras = Pick<EvalColumn, 'numFmt' | 'xlsxOnly'>;
const col = (header: string, kind: EvalColumn['kind'], width: number, extras?: ColumnExtras): EvalColumn => ({
  header,
  kind,
  width,
  ...extras,
});
/** Every table's sheet is named for its title. */
const evalTable = (title: string, columns: EvalColumn[], rows: TableCell[][]): EvalTable => ({
  title,
  sheetName: title,
  columns,
  rows,
});

const L = {
  zh: {
    rank: '排名',
    unit: '单位',
    group: '比较组',
    score: '得分',
    grade: '等级',
    change: '较上年',
    note: '备注',
    prevRank: '上年排名',
    prevScore: '上年得分',
    prevGrade: '上年等级',
    baseScore: '指标得分',
    bonus: '加分',
    penalty: '扣分',
    status: '状态',
    missing: '缺少指标',
    veto: '一票否决',
    robust: '等级稳健性',
    topsisRank: 'TOPSIS 排名',
    topsisCloseness: 'TOPSIS 贴近度',
    indicator: '指标',
    measure: '计量单位',
    raw: '原始值',
    normalised: '标准化值',
    weight: '有效权重',
    points: '贡献分',
    low: '排名下限（5%）',
    median: '排名中位数',
    high: '排名上限（95%）',
    modal: '最可能等级',
    code: '代码',
    schemeWeight: '权重',
    direction: '方向',
    normalisation: '标准化方法',
    minScore: '最低分',
    item: '对应条目',
    plan: '规划',
    section: '章节',
    quote: '原文',
    defaultGroup: '未分组',
    up: (n: number) => `上升${n}位`,
    down: (n: number) => `下降${n}位`,
    same: '持平',
    complete: '完整',
    incomplete: '缺数',
    robustYes: '稳健',
    robustNo: '不稳健',
    missingNote: (list: string) => `缺数：${list}，未计分`,
    syntheticNote: (list: string) => `模拟：${list}为系统生成的演示数据`,
    partialNote: (list: string) => `缺数：${list}，按现有指标计分，未排名`,
    vetoNote: (r: string) => `一票否决：${r}`,
    notRobustNote: (p: string) => `等级不稳健（最可能等级概率${p}）`,
    withheldNote: '明细未公开（不在您的查看范围内）',
    sep: '、',
    higher: '越大越好',
    lower: '越小越好',
    results: '评价结果',
    contributions: '指标贡献',
    sensitivity: '敏感性分析',
    scheme: '评价方案',
    grades: '等级划分',
    groups: '比较组',
    sources: '规划依据',
    gradeProbability: (g: string) => `P(${g})`,
  },
  en: {
    rank: 'Rank',
    unit: 'Unit',
    group: 'Group',
    score: 'Score',
    grade: 'Grade',
    change: 'Change vs last year',
    note: 'Note',
    prevRank: 'Last year rank',
    prevScore: 'Last year score',
    prevGrade: 'Last year grade',
    baseScore: 'Indicator score',
    bonus: 'Bonus',
    penalty: 'Penalty',
    status: 'Status',
    missing: 'Missing indicators',
    veto: 'Veto',
    robust: 'Grade robustness',
    topsisRank: 'TOPSIS rank',
    topsisCloseness: 'TOPSIS closeness',
    indicator: 'Indicator',
    measure: 'Unit of measure',
    raw: 'Raw value',
    normalised: 'Normalised',
    weight: 'Effective weight',
    points: 'Points',
    low: 'Rank low (5%)',
    median: 'Rank median',
    high: 'Rank high (95%)',
    modal: 'Most likely grade',
    code: 'Code',
    schemeWeight: 'Weight',
    direction: 'Direction',
    normalisation: 'Normalisation',
    minScore: 'Minimum score',
    item: 'Item',
    plan: 'Plan',
    section: 'Section',
    quote: 'Quote',
    defaultGroup: 'Ungrouped',
    up: (n: number) => `up ${n}`,
    down: (n: number) => `down ${n}`,
    same: 'unchanged',
    complete: 'complete',
    incomplete: 'incomplete',
    robustYes: 'robust',
    robustNo: 'not robust',
    missingNote: (list: string) => `incomplete: no data for ${list}; not scored`,
    syntheticNote: (list: string) => `simulated: ${list} are generated demo figures`,
    partialNote: (list: string) => `missing data: ${list}; scored on the rest, not ranked`,
    vetoNote: (r: string) => `veto: ${r}`,
    notRobustNote: (p: string) => `grade not robust (most likely grade ${p})`,
    withheldNote: 'details not published (outside your scope)',
    sep: ', ',
    higher: 'higher is better',
    lower: 'lower is better',
    results: 'Results',
    contributions: 'Contributions',
    sensitivity: 'Sensitivity',
    scheme: 'Scheme',
    grades: 'Grade bands',
    groups: 'Comparison groups',
    sources: 'Plan sources',
    gradeProbability: (g: string) => `P(${g})`,
  },
} as const;
const NORMALISATION: Record<Lang, Record<string, string>> = {
  zh: { minmax: '极差标准化', target: '目标值比例法', zscore: 'Z 分数标准化', rank: '百分位排序', bands: '阈值分档赋分' },
  en: { minmax: 'min–max', target: 'progress to target', zscore: 'z-score', rank: 'percentile rank', bands: 'threshold bands' },
};
export const normalisationName = (method: string, lang: Lang): string => NORMALISATION[lang][method] ?? method;

export const labels = (lang: Lang) => L[lang];

/** Names in the chosen language (see runNames); no grade and the default group as the exports show them. */
export function namer(run: RunView, lang: Lang) {
  const names = runNames(run, lang);
  return {
    ...names,
    grade: (label: string | null) => (label === null ? null : names.grade(label)),
    group: (code: string | null) => (code === null ? (run.groups.length > 0 ? L[lang].defaultGroup : null) : names.group(code)),
    /** What a cited passage backs: an indicator, comparison group or grade by name; a veto by its reason; else the code. */
    sourceItem: (code: string) => {
      if (run.indicators.some((i) => i.code === code)) return names.indicator(code);
      if (run.groups.some((g) => g.code === code)) return names.group(code);
      if (run.grades.some((g) => g.label === code)) return names.grade(code);
      const veto = run.units.flatMap((u) => u.vetoes).find((v) => v.code === code);
      if (veto) return lang === 'en' ? (veto.reasonEn ?? veto.reason) : veto.reason;
      return code;
    },
  };
}

/** Units by comparison group (ungrouped first, then in scheme order), ranked first and incomplete last. */
export function orderedUnits(run: RunView): UnitResultView[] {
  const groupOrder = new Map<string | null, number>([[null, -1], ...run.groups.map((g, k) => [g.code, k] as const)]);
  return [...run.units].sort(
    (a, b) =>
      (groupOrder.get(a.group) ?? 1e9) - (groupOrder.get(b.group) ?? 1e9) ||
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      a.code.localeCompare(b.code),
  );
}

/** Rank places gained since last year (positive = moved up); null when either year has no rank. */
export function rankChange(u: UnitResultView): number | null {
  return u.previous && u.previous.rank !== null && u.rank !== null ? u.previous.rank - u.rank : null;
}

export function changeText(u: UnitResultView, lang: Lang): string {
  const d = rankChange(u);
  if (d === null) return DASH;
  return d > 0 ? L[lang].up(d) : d < 0 ? L[lang].down(-d) : L[lang].same;
}

/** Why a unit needs a second look: missing data (named), a veto, or a grade the weights can flip. */
export function unitNote(run: RunView, u: UnitResultView, lang: Lang): string {
  const l = L[lang];
  const n = namer(run, lang);
  // A unit outside the reader's scope (publication.ts) shows no figures; its missing list is withheld too.
  if (u.withheld) return l.withheldNote;
  const notes: string[] = [];
  // 模拟 first: a figure the unit never reported must not pass for its own (issue 16).
  if (u.synthetic.length) notes.push(l.syntheticNote(u.synthetic.map(n.indicator).join(l.sep)));
  if (u.status === 'incomplete') notes.push(l.missingNote(u.missing.map(n.indicator).join(l.sep)));
  if (u.status === 'partial') notes.push(l.partialNote(u.missing.map(n.indicator).join(l.sep)));
  for (const v of u.vetoes) notes.push(l.vetoNote(lang === 'en' ? (v.reasonEn ?? v.reason) : v.reason));
  const s = u.sensitivity;
  if (s && !s.robust) notes.push(l.notRobustNote(pct(s.gradeProbabilities[s.modalGrade] ?? 0).text));
  return notes.join(lang === 'zh' ? '；' : '; ');
}

export function resultsTable(run: RunView, lang: Lang): EvalTable {
  const l = L[lang];
  const n = namer(run, lang);
  const grouped = run.groups.length > 0;
  const columns: EvalColumn[] = [
    col(l.rank, 'integer', 1.2),
    col(l.unit, 'text', 3),
    ...(grouped ? [col(l.group, 'text', 2)] : []),
    col(l.score, 'decimal', 1.4, { numFmt: '0.00' }),
    col(l.grade, 'text', 1.3),
    col(l.change, 'integer', 1.7, { numFmt: '+0;-0;0' }),
    col(l.note, 'text', 4),
    col(l.prevRank, 'integer', 1, { xlsxOnly: true }),
    col(l.prevScore, 'decimal', 1, { xlsxOnly: true, numFmt: '0.00' }),
    col(l.prevGrade, 'text', 1, { xlsxOnly: true }),
    col(l.baseScore, 'decimal', 1, { xlsxOnly: true, numFmt: '0.00' }),
    col(l.bonus, 'decimal', 1, { xlsxOnly: true, numFmt: '0.##' }),
    col(l.penalty, 'decimal', 1, { xlsxOnly: true, numFmt: '0.##' }),
    col(l.status, 'text', 1, { xlsxOnly: true }),
    col(l.robust, 'text', 1.2, { xlsxOnly: true }),
    col(l.topsisRank, 'integer', 1.2, { xlsxOnly: true }),
    col(l.topsisCloseness, 'decimal', 1.4, { xlsxOnly: true, numFmt: '0.0000' }),
  ];
  const rows = orderedUnits(run).map((u) => [
    int(u.rank),
    text(n.unit(u)),
    ...(grouped ? [text(n.group(u.group))] : []),
    fixed(u.score, 2),
    text(n.grade(u.grade)),
    { text: changeText(u, lang), value: rankChange(u) },
    { text: unitNote(run, u, lang), value: unitNote(run, u, lang) || null },
    int(u.previous?.rank ?? null),
    fixed(u.previous?.score ?? null, 2),
    text(n.grade(u.previous?.grade ?? null)),
    fixed(u.baseScore, 2),
    fixed(u.status === 'complete' ? u.bonus : null, 2),
    fixed(u.status === 'complete' ? u.penalty : null, 2),
    text(u.status === 'complete' ? l.complete : l.incomplete),
    text(u.sensitivity ? (u.sensitivity.robust ? l.robustYes : l.robustNo) : null),
    int(u.topsis?.rank ?? null),
    fixed(u.topsis?.closeness ?? null, 4),
  ]);
  return evalTable(l.results, columns, rows);
}

/** One row per unit and indicator: raw figure, normalised score, effective weight and points. */
export function contributionsTable(run: RunView, lang: Lang): EvalTable {
  const l = L[lang];
  const n = namer(run, lang);
  const measure = new Map(run.indicators.map((i) => [i.code, i.unit]));
  const rows = orderedUnits(run).flatMap((u) =>
    u.contributions.map((c) => [
      text(n.unit(u)),
      text(n.group(u.group)),
      text(n.indicator(c.indicator)),
      text(measure.get(c.indicator) || null),
      // The reported decimal string; the spreadsheet writer turns it into a number only when exact.
      { text: c.raw ?? DASH, value: c.raw },
      fixed(c.normalised, 4),
      pct(u.status === 'complete' ? c.weight : null),
      fixed(c.points, 2),
    ]),
  );
  return evalTable(
    l.contributions,
    [
      col(l.unit, 'text', 3),
      col(l.group, 'text', 2),
      col(l.indicator, 'text', 4),
      col(l.measure, 'text', 2),
      col(l.raw, 'decimal', 2),
      col(l.normalised, 'decimal', 1.6, { numFmt: '0.0000' }),
      col(l.weight, 'percent', 1.6, { numFmt: '0.0%' }),
      col(l.points, 'decimal', 1.6, { numFmt: '0.00' }),
    ],
    rows,
  );
}

/** Rank interval (5th–95th percentile) and the probability of each grade under perturbed weights. */
export function sensitivityTable(run: RunView, lang: Lang, options: { probabilities: boolean }): EvalTable {
  const l = L[lang];
  const n = namer(run, lang);
  const grouped = run.groups.length > 0;
  const shown = orderedUnits(run).filter((u) => u.sensitivity !== null);
  return evalTable(
    l.sensitivity,
    [
      col(l.unit, 'text', 3),
      ...(grouped ? [col(l.group, 'text', 2)] : []),
      col(l.rank, 'integer', 1),
      col(l.low, 'integer', 1.6),
      col(l.median, 'integer', 1.6),
      col(l.high, 'integer', 1.6),
      col(l.modal, 'text', 1.6),
      ...run.grades.map((g) =>
        col(l.gradeProbability(n.grade(g.label)!), 'percent', 1.2, { numFmt: '0.0%', xlsxOnly: !options.probabilities }),
      ),
      col(l.robust, 'text', 1.4),
    ],
    shown.map((u) => {
      const s = u.sensitivity!;
      return [
        text(n.unit(u)),
        ...(grouped ? [text(n.group(u.group))] : []),
        int(u.rank),
        int(s.rankLow),
        int(s.rankMedian),
        int(s.rankHigh),
        text(n.grade(s.modalGrade)),
        ...run.grades.map((g) => pct(s.gradeProbabilities[g.label] ?? 0)),
        text(s.robust ? l.robustYes : l.robustNo),
      ];
    }),
  );
}

/** The scheme's indicators: code, name, unit of measure, weight as set, direction and normalisation. */
export function indicatorTable(run: RunView, lang: Lang): EvalTable {
  const l = L[lang];
  const n = namer(run, lang);
  return evalTable(
    l.scheme,
    [
      col(l.code, 'text', 2),
      col(l.indicator, 'text', 4),
      col(l.measure, 'text', 2),
      col(l.schemeWeight, 'decimal', 1.2, { numFmt: '0.####' }),
      col(l.direction, 'text', 1.6),
      col(l.normalisation, 'text', 1.6),
    ],
    run.indicators.map((i) => [
      text(i.code),
      text(n.indicator(i.code)),
      text(i.unit || null),
      { text: String(Number(i.weight.toFixed(4))), value: i.weight },
      text(i.direction === 'higher_better' ? l.higher : l.lower),
      text(normalisationName(i.normalisation, lang)),
    ]),
  );
}

export function gradeTable(run: RunView, lang: Lang): EvalTable {
  const l = L[lang];
  const n = namer(run, lang);
  return evalTable(
    l.grades,
    [col(l.grade, 'text', 2), col(l.minScore, 'decimal', 2, { numFmt: '0.##' })],
    run.grades.map((g) => [text(n.grade(g.label)), { text: String(g.minScore), value: g.minScore }]),
  );
}

export function sourceTable(run: RunView, lang: Lang): EvalTable {
  const l = L[lang];
  return evalTable(
    l.sources,
    [col(l.item, 'text', 1.5), col(l.plan, 'text', 2), col(l.section, 'text', 2), col(l.quote, 'text', 6)],
    run.sources.map((s) => {
      const name = namer(run, lang).sourceItem(s.item);
      return [text(name === s.item ? s.item : `${name}（${s.item}）`), text(s.plan), text(s.section), text(s.quote)];
    }),
  );
}

/**
 * 方案要素依据 (issue 16): each element of the scheme, whether it is quoted from a document or set by the plan
 * office, and the passage or the decision (who, when, why). Element labels are the scheme's zh labels.
 */
export function provenanceTable(run: RunView, lang: Lang): EvalTable {
  const zh = lang === 'zh';
  const kinds = zh ? ['引自文件', '规划处确定', '无依据'] : ['quoted', 'set by the plan office', 'no basis'];
  return evalTable(
    zh ? '方案要素依据' : 'What backs each element of the scheme',
    [
      col(zh ? '要素' : 'Element', 'text', 3),
      col(zh ? '依据' : 'Basis', 'text', 1.5),
      col(zh ? '出处或决定' : 'Source or decision', 'text', 6),
    ],
    run.provenance.map((e) => {
      const basis = [
        ...e.cited.map((c) => (zh ? `《${c.plan}》${c.section}：“${c.quote}”` : `${c.plan}, ${c.section}: "${c.quote}"`)),
        ...e.decided.map((d) => `${d.by}，${d.at}：${d.why}`),
      ];
      const kind = e.cited.length ? kinds[0]! : e.decided.length ? kinds[1]! : kinds[2]!;
      return [text(e.labelZh), text(kind), text(basis.join('\n') || null)];
    }),
  );
}

const HISTORY = {
  zh: {
    title: '历年评价等级',
    year: (y: number, simulated: boolean, current: boolean, kind?: 'full' | 'update' | null) =>
      `${y}年${current ? '（本次）' : ''}${kind === 'full' ? '（全面评价）' : kind === 'update' ? '（年度更新）' : ''}${simulated ? '（模拟）' : ''}`,
    entry: (grade: string, score: string | null, rank: string | null) =>
      `${grade}${score === null && rank === null ? '' : `（${[score, rank].filter((x) => x !== null).join('，')}）`}`,
    rank: (r: number, of: number) => `第${r}/${of}名`,
    ungraded: '未评定（缺数）',
    withheld: '未公开',
    none: (n: number) => `本方案在${n}年以前没有已发布的评价结果，历年评价等级从本次开始。`,
    simulatedNote: '标注“（模拟）”的年度，其评价依据含系统生成的演示数据（模拟数据），不能作为考核结论。',
    intro: (n: number) =>
      `表中列出各单位在本方案此前${n}个年度已发布评价中的等级（每年取最后发布的一次；草稿不计），括号内为得分和组内排名。`,
  },
  en: {
    title: 'Grades across years',
    year: (y: number, simulated: boolean, current: boolean, kind?: 'full' | 'update' | null) =>
      `${y}${current ? ' (this run)' : ''}${kind === 'full' ? ' (full evaluation)' : kind === 'update' ? ' (yearly update)' : ''}${simulated ? ' (simulated)' : ''}`,
    entry: (grade: string, score: string | null, rank: string | null) =>
      `${grade}${score === null && rank === null ? '' : ` (${[score, rank].filter((x) => x !== null).join(', ')})`}`,
    rank: (r: number, of: number) => `rank ${r}/${of}`,
    ungraded: 'no grade (missing data)',
    withheld: 'not published',
    none: (n: number) => `No run of this scheme was published before ${n}; the grade history starts with this run.`,
    simulatedNote: 'Years marked "(simulated)" rest on generated demo figures and are no evaluation result.',
    intro: (n: number) =>
      `Each unit's grade in the published runs of this scheme in ${n} earlier year(s) (the last one published each year; drafts are left out); score and rank within its group in brackets.`,
  },
} as const;

export const historyLabels = (lang: Lang) => HISTORY[lang];

/** One unit's result in one year as the history cell shows it; a dash where the unit was not evaluated. */
function historyCell(entry: HistoryEntry | undefined, gradeName: (label: string) => string, lang: Lang): TableCell {
  const h = HISTORY[lang];
  if (!entry) return text(null);
  if (entry.withheld && entry.grade === null) return text(h.withheld);
  if (entry.grade === null) return text(h.ungraded);
  const score = entry.score === null || entry.withheld ? null : entry.score.toFixed(2);
  const rank = entry.rank === null || entry.withheld ? null : h.rank(entry.rank, entry.of);
  return text(h.entry(gradeName(entry.grade), score, rank));
}

/**
 * 历年评价等级 (issue 16): each unit of the run, its grade (score, rank of n) in each earlier year's published
 * run of the scheme, then this run; a year resting on synthetic figures is headed （模拟）.
 */
export function gradeHistoryTable(run: RunView, history: RunGradeHistory, lang: Lang): EvalTable {
  const l = L[lang];
  const h = HISTORY[lang];
  const n = namer(run, lang);
  const grouped = run.groups.length > 0;
  // This run's own entries, built as the earlier runs' were.
  const current = historyEntries(run);
  const columns: EvalColumn[] = [
    col(l.unit, 'text', 3),
    ...(grouped ? [col(l.group, 'text', 2)] : []),
    ...history.runs.map((r) => col(h.year(r.year, r.simulated, false, r.kind), 'text', 2.4)),
    col(h.year(run.year, run.simulated, true, run.cycle?.kind), 'text', 2.4),
  ];
  const rows = orderedUnits(run).map((u) => [
    text(n.unit(u)),
    ...(grouped ? [text(n.group(u.group))] : []),
    ...history.runs.map((r) =>
      historyCell(history.units[u.code]?.[r.runId], (g) => (lang === 'en' ? (r.gradesEn[g] ?? g) : g), lang),
    ),
    historyCell(current[u.code], (g) => n.grade(g)!, lang),
  ]);
  return evalTable(h.title, columns, rows);
}
