import type { Paragraph, Table } from 'docx';
import { behindChartOption } from './chart-option.ts';
import { body, caption, heading1, heading2, image, leadIn, packDocument, subtitle, table, title } from './docx-blocks.ts';
import { chineseNumeral, dateZh, percentText, periodZh } from './format-figures.ts';
import type { MonitoringReportInput, ReportProgress } from './report-input.ts';
import {
  allTables,
  behindTargets,
  commentaryTable,
  projected,
  publishedTable,
  targetLabeller,
  type ReportTable,
} from './report-tables.ts';
import { behindIntro, freshnessIntro, overviewParagraphs, suggestions } from './report-text.ts';

/** Draws one chart; injected so the layout can be tested without rasterising. */
export type ChartRenderer = (option: Record<string, unknown>) => Buffer;

export const METHOD_ZH: Record<string, string> = {
  official: '国内通行评估方法',
  unsd: '联合国统计司进度图法',
  opensdg: 'Open SDG年均增长率比值法',
  escap: '亚太经社会现状指数法',
};

/** Chart size in the brief, in pixels at 96 dpi: the full text width of the page. */
const CHART_PX = { width: 576, height: 320 } as const;

export const reportTitle = (p: ReportProgress): string => `${p.plan.title}实施监测报告`;

/** The monitoring brief as a .docx, laid out from the progress answer only. */
export async function buildMonitoringDocx(input: MonitoringReportInput, renderChart: ChartRenderer): Promise<Buffer> {
  const p = input.progress;
  const tables = allTables(p);
  const byId = (id: ReportTable['id']) => tables.find((t) => t.id === id)!;
  let tableNo = 0;
  let figureNo = 0;
  const tableBlock = (t: ReportTable, empty: string): (Paragraph | Table)[] =>
    t.rows.length === 0 ? (empty ? [body(empty)] : []) : [caption(`表${++tableNo}\u3000${t.title}`, true), table(t)];
  const label = targetLabeller(p);

  const overview = overviewParagraphs(p);
  const children: (Paragraph | Table)[] = [
    title(reportTitle(p)),
    subtitle(`（监测期：${periodZh(p.at)}）`),
    subtitle(`生成日期：${dateZh(input.generatedOn)}`),
    subtitle(`评估方法：${METHOD_ZH[p.method] ?? p.method}`),
    heading1('一、总体情况'),
    heading2('（一）目标进展分类'),
    body(overview[0]!),
    ...tableBlock(byId('classes'), '本规划暂无监测目标。'),
    heading2('（二）时序进度'),
    body(overview[1]!),
    heading2('（三）预警情况'),
    body(overview[2]!),
    ...tableBlock(byId('warnings'), '本期无红色、黄色预警。'),
    ...overview.slice(3).map(body),
    heading1('二、主要指标进展'),
    body(`各项目标截至${periodZh(p.at)}的进展情况见下表（时序进度${percentText(p.timeElapsedShare)}）。`),
    ...tableBlock(byId('progress'), '本规划暂无监测目标。'),
    heading1('三、滞后指标分析'),
    body(behindIntro(p)),
    ...tableBlock(byId('behind'), ''),
  ];
  const behind = behindTargets(p);
  // Two targets on one indicator (say for 2022 and 2025) are told apart by their target year.
  const twice = (t: (typeof behind)[number]) => behind.filter((o) => label(o) === label(t)).length > 1;
  behind.forEach((t, i) => {
    const name = twice(t) ? `${label(t)}（${t.target.year}年目标）` : label(t);
    // The judgement's sentence and the projection rest on the same figures as the class: marked alike.
    const mark = t.judgement.currentOrigin === 'synthetic' ? '（基于模拟数据）' : '';
    children.push(heading2(`（${chineseNumeral(i + 1)}）${name}`), body(`${t.judgement.explanation.zh}${mark}`));
    // What the responsible unit wrote about it for this period, under its name.
    const said = input.commentary?.find((c) => c.targetKey === t.key);
    if (said) children.push(body(`${said.owner ?? '责任单位'}说明：${said.text}`));
    const pr = t.judgement.projection;
    if (pr)
      children.push(
        body(
          `按${pr.method === 'cagr' ? '年均增长率' : '线性趋势'}外推，预计${pr.year}年达到${projected(pr.value)}${t.indicator.unit}（区间${projected(pr.low)}～${projected(pr.high)}）${mark}。`,
        ),
      );
    const detail = input.details.get(t.key);
    if (detail) {
      children.push(
        image(renderChart(behindChartOption(detail)), CHART_PX.width, CHART_PX.height, `${name}走势与预测`),
        caption(`图${++figureNo}\u3000${name}走势、目标与预测区间`, false),
      );
    } else children.push(body('（未取得该指标的历史数据，未绘制走势图。）'));
  });
  children.push(
    heading1('四、数据更新情况'),
    body(freshnessIntro(p)),
    ...tableBlock(byId('freshness'), ''),
    heading1('五、工作建议'),
    ...suggestions(p).map((s, i) => {
      const cut = s.indexOf('。') + 1;
      return leadIn(`（${chineseNumeral(i + 1)}）${s.slice(0, cut)}`, s.slice(cut));
    }),
  );
  // 附: the responsible units' own commentary on their targets for the period.
  const commentary = commentaryTable(p, input.commentary);
  if (commentary.rows.length > 0)
    children.push(
      heading1('附：责任单位进展说明'),
      body(`以下为各目标责任单位对${periodZh(p.at)}进展情况的说明，按原文引录。`),
      ...tableBlock(commentary, ''),
    );
  // 附: where each published figure the judgements rest on was printed (网址 in the .xlsx).
  const published = publishedTable(p, input.published);
  if (published.rows.length > 0)
    children.push(
      heading1('附：公开数据来源'),
      body('下列数值取自统计公报、政府工作报告或官方新闻，按原文引录，数值已换算为指标单位。'),
      ...tableBlock(published, ''),
    );

  return packDocument({ title: reportTitle(p), description: `监测期 ${p.at}` }, children);
}
