import { runKindText } from '../../domain/evaluation/cycle.ts';
import type { RunView } from '../../presenters/evaluation.presenter.ts';
import { dateZh } from '../monitoring/format-figures.ts';
import { labels, namer, normalisationName, orderedUnits, type Lang } from './run-tables.ts';

/**
 * The sentences of the evaluation report, in Chinese or English, from the run view only (nothing is
 * recomputed here: every figure is the engine's).
 */

export function reportTitle(run: RunView, lang: Lang): string {
  const name = namer(run, lang).scheme();
  // A run on any synthetic figure says so in its title, so no copy of the report passes for a real result.
  if (run.simulated)
    return lang === 'zh' ? `${run.year}年度${name}结果报告（模拟）` : `${name}: evaluation report ${run.year} (SIMULATED)`;
  return lang === 'zh' ? `${run.year}年度${name}结果报告` : `${name}: evaluation report ${run.year}`;
}

const STATUS: Record<Lang, Record<RunView['status'], string>> = {
  zh: { published: '已发布', draft: '草稿（未发布）', preview: '预览（未保存）' },
  en: { published: 'published', draft: 'draft (not published)', preview: 'preview (not stored)' },
};

/** Scheme, version, whether it is frozen, and the run's status and date. */
export function subtitleLines(run: RunView, lang: Lang): string[] {
  const s = run.scheme;
  const when = run.publishedAt ?? run.createdAt;
  const n = run.units.filter((u) => u.synthetic.length > 0).length;
  if (lang === 'zh')
    return [
      `评价方案：${s.name}（${s.code}，第${s.version}版${s.status === 'frozen' ? '，已冻结' : '，草稿'}）`,
      `评价年度：${run.year}年\u3000结果状态：${STATUS.zh[run.status]}${when ? `（${dateZh(when)}）` : ''}`,
      ...(run.cycle ? [`评价类型：${runKindText(run.cycle).zh}`] : []),
      ...(run.simulated
        ? [`模拟：本次评价有${n}个单位的数据含系统生成的演示数据（模拟数据），不是实际统计数据，结果仅供演示，不能作为考核结论。`]
        : []),
    ];
  return [
    `Scheme: ${s.nameEn ?? s.name} (${s.code}, version ${s.version}${s.status === 'frozen' ? ', frozen' : ', draft'})`,
    `Year: ${run.year}. Status: ${STATUS.en[run.status]}${when ? ` (${when.slice(0, 10)})` : ''}`,
    ...(run.cycle ? [`Kind of run: ${runKindText(run.cycle).en}`] : []),
    ...(run.simulated
      ? [`SIMULATED: the figures of ${n} units include generated demo data, not statistics; for demonstration only.`]
      : []),
  ];
}

/** Whether the weights come from the plan or are configurable defaults (the plan gives none). */
export function weightsNote(run: RunView, lang: Lang): string {
  if (lang === 'zh')
    return run.scheme.defaultWeights
      ? '规划原文未规定各指标权重，本方案所用权重为系统设定的默认值，可由评价主管部门在方案中调整（调整后形成新版本）。'
      : '各指标权重依据规划原文设定。';
  return run.scheme.defaultWeights
    ? 'The plan sets no indicator weights: the weights used are configurable defaults that the evaluating department may change (a change makes a new scheme version).'
    : 'The indicator weights are those the plan sets.';
}

/** How scores are made: normalisation, aggregation, grades, missing data and the sensitivity analysis. */
export function methodParagraphs(run: RunView, lang: Lang): string[] {
  const n = namer(run, lang);
  const l = labels(lang);
  const methods = [...new Set(run.indicators.map((i) => normalisationName(i.normalisation, lang)))].join(l.sep);
  const grades = run.grades
    .map((g) => (lang === 'zh' ? `${n.grade(g.label)}（${g.minScore}分及以上）` : `${n.grade(g.label)} (${g.minScore}+)`))
    .join(l.sep);
  const groups = run.groups.map((g) => g.name).join(l.sep);
  if (lang === 'zh')
    return [
      `本次评价共设${run.indicators.length}项指标，原始数据按${methods}转换为0～1的标准化值（1为最优），按权重加权合成后乘以100，再计入加分、扣分，得到各单位得分。`,
      ...(run.groups.length > 0 ? [`各单位分${groups}等比较组分别标准化、排名。`] : []),
      `等级划分：${grades}；触发一票否决事项的单位直接定为最低等级。`,
      '缺少必填指标数据的单位不计分、不排名、不定级，并列明所缺指标，不以零值代替；非必填指标缺数时，其权重按比例分给其余指标。',
      `为检验排名对权重设定的敏感程度，对指标权重进行${run.samples}次蒙特卡洛随机扰动（随机种子${run.seed}），给出各单位排名的5%～95%区间和各等级出现的概率；最可能等级的概率低于80%的单位标注为“等级不稳健”。`,
      `输入数据指纹（SHA-256）：${run.dataHash}。同一方案版本、同一数据可逐位重现本结果。`,
    ];
  return [
    `The evaluation uses ${run.indicators.length} indicators. Raw figures are normalised to 0–1 (1 = best) by ${methods}, combined with the weights and scaled to 100; bonus and penalty points are then added and subtracted.`,
    ...(run.groups.length > 0 ? [`Units are normalised and ranked within their comparison group (${groups}).`] : []),
    `Grades: ${grades}; a unit that triggers a veto item gets the lowest grade.`,
    'A unit missing a required indicator is not scored, ranked or graded, and the missing indicators are named (never read as zero); a missing optional indicator gives its weight to the others.',
    `To test how far the ranking depends on the weights, the weights were perturbed at random ${run.samples} times (seed ${run.seed}): each unit gets a 5–95 % rank interval and the probability of each grade; a unit whose most likely grade has a probability below 80 % is flagged "grade not robust".`,
    `Input fingerprint (SHA-256): ${run.dataHash}. The same scheme version on the same data reproduces these results bit for bit.`,
  ];
}

/** Counts of units, of each grade, of incomplete units. */
export function resultSummary(run: RunView, lang: Lang): string {
  const n = namer(run, lang);
  const l = labels(lang);
  // Scored: complete and partial units (a partial one is scored on its available indicators, not ranked).
  const complete = run.units.filter((u) => u.status !== 'incomplete');
  const partial = run.units.filter((u) => u.status === 'partial').length;
  const byGrade = run.grades
    .map((g) => ({ g, count: complete.filter((u) => u.grade === g.label).length }))
    .filter((x) => x.count > 0)
    .map((x) => (lang === 'zh' ? `${n.grade(x.g.label)}${x.count}个` : `${x.count} ${n.grade(x.g.label)}`))
    .join(l.sep);
  const incomplete = run.units.length - complete.length;
  if (lang === 'zh')
    return `共评价${run.units.length}个单位，其中${complete.length}个完成计分${byGrade ? `（${byGrade}）` : ''}${partial > 0 ? `，${partial}个缺少部分指标、按现有指标计分但不参与排名` : ''}${incomplete > 0 ? `，${incomplete}个因缺少数据未计分` : ''}。`;
  return `${run.units.length} units were evaluated: ${complete.length} scored${byGrade ? ` (${byGrade})` : ''}${partial > 0 ? `, ${partial} scored on the indicators they have but not ranked (missing data)` : ''}${incomplete > 0 ? `, ${incomplete} not scored for lack of data` : ''}.`;
}

/** The units whose grade the weights can flip, with their rank interval, or a sentence that there are none. */
export function robustnessParagraphs(run: RunView, lang: Lang): string[] {
  const n = namer(run, lang);
  const flagged = orderedUnits(run).filter((u) => u.sensitivity && !u.sensitivity.robust);
  if (flagged.length === 0)
    return [
      lang === 'zh'
        ? '在权重随机扰动下，全部已计分单位的等级保持稳定（最可能等级的概率均不低于80%）。'
        : 'Under the random weight perturbations every scored unit keeps its grade (most likely grade at 80 % or more).',
    ];
  return flagged.map((u) => {
    const s = u.sensitivity!;
    const p = ((s.gradeProbabilities[s.modalGrade] ?? 0) * 100).toFixed(1);
    const others = Object.entries(s.gradeProbabilities)
      .filter(([g, x]) => g !== s.modalGrade && x > 0)
      .map(([g, x]) => `${n.grade(g)} ${(x * 100).toFixed(1)}%`)
      .join(labels(lang).sep);
    return lang === 'zh'
      ? `${n.unit(u)}：排名区间第${s.rankLow}～${s.rankHigh}位（中位数第${s.rankMedian}位），最可能等级“${n.grade(s.modalGrade)}”概率${p}%${others ? `，其余：${others}` : ''}，等级不稳健，使用结果时应予审慎。`
      : `${n.unit(u)}: rank interval ${s.rankLow}–${s.rankHigh} (median ${s.rankMedian}); most likely grade "${n.grade(s.modalGrade)}" at ${p}%${others ? `, others: ${others}` : ''}; the grade is not robust and should be used with care.`;
  });
}
