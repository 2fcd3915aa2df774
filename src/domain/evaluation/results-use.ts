/**
 * Using a published evaluation (issue 16 item 4): what each evaluated unit is told when a run is
 * published, which units the plan office may turn into a 督办 task in one step, and the text of that
 * task. Pure: no I/O.
 */

export type SupervisionReason = 'bottom_grade' | 'veto' | 'floor';

export interface ResultUnit {
  code: string;
  name: string;
  nameEn: string | null;
  score: number | null;
  rank: number | null;
  grade: string | null;
  status: string;
  vetoes: readonly { reason: string; reasonEn: string | null }[];
  /** Absent in runs stored before floors were recorded. */
  floors?: readonly { reason: string; reasonEn: string | null; maxGrade: string }[];
  explanation: { zh: string; en: string };
}

export interface ResultRun {
  id: number;
  year: number;
  scheme: { code: string; name: string; nameEn: string | null };
  grades: readonly { label: string; labelEn: string | null; minScore: number }[];
  simulated: boolean;
}

/** The scheme's lowest grade (smallest cut-off); undefined for a scheme without grades. */
export function bottomGrade(grades: ResultRun['grades']): string | undefined {
  let low: ResultRun['grades'][number] | undefined;
  for (const g of grades) if (!low || g.minScore < low.minScore) low = g;
  return low?.label;
}

/**
 * Why a unit's result calls for 督办, or null: a veto hit it (一票否决), its grade is the scheme's lowest,
 * or a plan floor capped its grade. A unit without a grade (incomplete data) is not a result to act on.
 */
export function supervisionReason(unit: ResultUnit, grades: ResultRun['grades']): SupervisionReason | null {
  if (unit.vetoes.length > 0) return 'veto';
  if (unit.grade === null) return null;
  if (unit.grade === bottomGrade(grades)) return 'bottom_grade';
  if ((unit.floors ?? []).length > 0) return 'floor';
  return null;
}

const REASON_TEXT: Record<SupervisionReason, { zh: string; en: string }> = {
  bottom_grade: { zh: '评定为最低等级', en: 'graded lowest' },
  veto: { zh: '触发一票否决', en: 'vetoed' },
  floor: { zh: '未达规划底线，等级受限', en: 'below a plan floor (grade capped)' },
};
export const supervisionReasonText = (r: SupervisionReason) => REASON_TEXT[r];

const schemeName = (run: ResultRun, lang: 'zh' | 'en') =>
  lang === 'zh' ? run.scheme.name : (run.scheme.nameEn ?? run.scheme.name);
const simulatedMark = (run: ResultRun, lang: 'zh' | 'en') => (run.simulated ? (lang === 'zh' ? '（模拟）' : ' (simulated)') : '');

/** Score to two decimals; never a binary float's tail. */
const score2 = (s: number | null) => (s === null ? null : (Math.round(s * 100) / 100).toFixed(2));

export interface ResultNotice {
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  link: string;
  dedupeKey: string;
}

/**
 * What one evaluated unit (its reporters, reviewers, viewers and unit-level plan managers) is told when
 * the run is published: its grade, score, rank among its peers and the run's own explanation of it.
 */
export function unitResultNotice(run: ResultRun, unit: ResultUnit, peers: number): ResultNotice {
  const nameEn = unit.nameEn ?? unit.name;
  const s = score2(unit.score);
  const zhResult =
    unit.grade === null
      ? '因缺数未评定等级'
      : `等级${unit.grade}${s === null ? '' : `，得分 ${s}`}${unit.rank === null ? '' : `，排名 ${unit.rank}/${peers}`}`;
  const enResult =
    unit.grade === null
      ? 'no grade (missing data)'
      : `grade ${unit.grade}${s === null ? '' : `, score ${s}`}${unit.rank === null ? '' : `, rank ${unit.rank}/${peers}`}`;
  return {
    title: {
      zh: `评价结果已发布：《${schemeName(run, 'zh')}》${run.year}年${simulatedMark(run, 'zh')} — ${unit.name}`,
      en: `Evaluation published: ${schemeName(run, 'en')} ${run.year}${simulatedMark(run, 'en')} — ${nameEn}`,
    },
    body: {
      zh: `${unit.name}${zhResult}。${unit.explanation.zh}`,
      en: `${nameEn}: ${enResult}. ${unit.explanation.en}`,
    },
    link: `#/evaluation/runs/${run.id}/units/${unit.code}`,
    dedupeKey: `evaluation-published:${run.id}:${unit.code}`,
  };
}

/** The one notice a province-wide plan manager gets for the whole run (not one per unit). */
export function runPublishedNotice(run: ResultRun, counts: { units: number; toSupervise: number }): ResultNotice {
  return {
    title: {
      zh: `评价结果已发布：《${schemeName(run, 'zh')}》${run.year}年${simulatedMark(run, 'zh')}`,
      en: `Evaluation published: ${schemeName(run, 'en')} ${run.year}${simulatedMark(run, 'en')}`,
    },
    body: {
      zh: `共评价 ${counts.units} 个单位，其中 ${counts.toSupervise} 个评定为最低等级、触发一票否决或未达规划底线，可在结果页一键督办。`,
      en: `${counts.units} units evaluated; ${counts.toSupervise} graded lowest, vetoed or below a plan floor — each can be turned into a supervision task from the result page.`,
    },
    link: `#/evaluation/runs/${run.id}`,
    dedupeKey: `evaluation-published:${run.id}`,
  };
}

/** The task a 督办 from a run result creates: its key in the plan's task list and its text. */
export function supervisionTask(run: ResultRun, unit: ResultUnit, reason: SupervisionReason) {
  const why = REASON_TEXT[reason];
  const vetoes = unit.vetoes.map((v) => v.reason).join('；');
  const floors = (unit.floors ?? []).map((f) => f.reason).join('；');
  const detail = reason === 'veto' ? vetoes : reason === 'floor' ? floors : '';
  return {
    key: `eval-${run.id}-${unit.code}`,
    text: `考核评价整改：${unit.name}在《${schemeName(run, 'zh')}》${run.year}年评价${simulatedMark(run, 'zh')}中${why.zh}${
      unit.grade === null ? '' : `（${unit.grade}）`
    }${detail ? `：${detail}` : ''}。请对照评价说明整改并按期回复。`,
    /** The 督办单's default text when the plan office writes none. */
    notice: `${unit.name}在《${schemeName(run, 'zh')}》${run.year}年评价中${why.zh}。${unit.explanation.zh}请提出整改措施并按期回复。`,
  };
}
