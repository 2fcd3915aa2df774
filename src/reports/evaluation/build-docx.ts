import type { Paragraph, Table } from 'docx';
import type { RunGradeHistory } from '../../domain/evaluation/grade-history.ts';
import type { RunView } from '../../presenters/evaluation.presenter.ts';
import { body, caption, heading1, heading2, packDocument, subtitle, table, title } from '../monitoring/docx-blocks.ts';
import { chineseNumeral } from '../monitoring/format-figures.ts';
import { methodParagraphs, reportTitle, resultSummary, robustnessParagraphs, subtitleLines, weightsNote } from './report-text.ts';
import {
  gradeHistoryTable,
  gradeTable,
  historyLabels,
  indicatorTable,
  labels,
  namer,
  orderedUnits,
  provenanceTable,
  resultsTable,
  sensitivityTable,
  type EvalTable,
  type Lang,
} from './run-tables.ts';

const H: Record<Lang, string[]> = {
  zh: ['评价依据', '评价方法', '评价结果', '结果稳健性', '各单位评价说明'],
  en: ['Basis in the plans', 'Method', 'Results', 'Robustness of the results', 'Each unit explained'],
};
const heading = (lang: Lang, k: number): string =>
  lang === 'zh' ? `${chineseNumeral(k + 1)}、${H.zh[k]}` : `${k + 1}. ${H.en[k]}`;
const subheading = (lang: Lang, k: number, text: string): string =>
  lang === 'zh' ? `（${chineseNumeral(k + 1)}）${text}` : `${k + 1}) ${text}`;

/** A cited passage: what it backs (unless the whole scheme), the plan and section, the literal quote. */
function sourceLine(s: RunView['sources'][number], item: (code: string) => string, lang: Lang): string {
  if (lang === 'en') return `${s.item === 'scheme' ? '' : `${item(s.item)}: `}${s.plan}, ${s.section}: "${s.quote}"`;
  return `${s.item === 'scheme' ? '' : `${item(s.item)}：`}《${s.plan}》${s.section}：“${s.quote}”`;
}

/**
 * The evaluation report as a .docx in the layout of the monitoring brief (GB/T 9704 page, fonts and
 * tables): the scheme and its version, the plan passages it implements and whether its weights are
 * defaults, the method, the results table with the change against last year, the units whose grade is
 * not robust, and a plain-language explanation per unit. Laid out from the run view and, when given, each
 * unit's grades in the scheme's earlier published runs (历年评价等级, 模拟 years marked).
 */
export async function buildEvaluationDocx(run: RunView, lang: 'zh' | 'en', history?: RunGradeHistory): Promise<Buffer> {
  const l = labels(lang);
  const n = namer(run, lang);
  let tableNo = 0;
  const tableBlock = (t: EvalTable): (Paragraph | Table)[] =>
    t.rows.length === 0
      ? []
      : [caption(lang === 'zh' ? `表${++tableNo}\u3000${t.title}` : `Table ${++tableNo}. ${t.title}`, true), table(t)];

  const historyBlock = (h: RunGradeHistory): (Paragraph | Table)[] => {
    const hl = historyLabels(lang);
    if (h.runs.length === 0) return [body(hl.none(run.year))];
    const simulated = run.simulated || h.runs.some((r) => r.simulated);
    return [
      body(hl.intro(h.runs.length)),
      ...tableBlock(gradeHistoryTable(run, h, lang)),
      ...(simulated ? [body(hl.simulatedNote)] : []),
    ];
  };

  const children: (Paragraph | Table)[] = [
    title(reportTitle(run, lang)),
    ...subtitleLines(run, lang).map(subtitle),
    heading1(heading(lang, 0)),
    ...(run.sources.length === 0
      ? [body(lang === 'zh' ? '本方案未登记规划原文出处。' : 'The scheme cites no plan passage.')]
      : run.sources.map((s) => body(sourceLine(s, n.sourceItem, lang)))),
    body(weightsNote(run, lang)),
    ...tableBlock(provenanceTable(run, lang)),
    heading1(heading(lang, 1)),
    ...methodParagraphs(run, lang).map(body),
    ...tableBlock({ ...indicatorTable(run, lang), title: lang === 'zh' ? '评价指标及权重' : 'Indicators and weights' }),
    ...tableBlock(gradeTable(run, lang)),
    heading1(heading(lang, 2)),
    body(resultSummary(run, lang)),
    ...tableBlock(resultsTable(run, lang)),
    ...(history ? historyBlock(history) : []),
    heading1(heading(lang, 3)),
    ...robustnessParagraphs(run, lang).map(body),
    ...tableBlock({ ...sensitivityTable(run, lang, { probabilities: false }), title: l.sensitivity }),
    heading1(heading(lang, 4)),
  ];
  orderedUnits(run).forEach((u, k) => {
    children.push(heading2(subheading(lang, k, n.unit(u))), body(lang === 'zh' ? u.explanation.zh : u.explanation.en));
  });

  return packDocument(
    { title: reportTitle(run, lang), description: `${run.scheme.code} v${run.scheme.version} ${run.year}` },
    children,
  );
}
