import { CLASS_ORDER, CLASS_ZH, type ReportProgress, type ReportTarget } from './report-input.ts';
import { percentText, periodZh } from './format-figures.ts';
import { behindTargets, needsFigures, targetLabeller } from './report-tables.ts';

/**
 * The brief's sentences, built only from the figures in the progress answer: every number and
 * name below is read from it, nothing is asserted that the data does not show.
 */

const joinZh = (items: readonly string[]): string => items.join('、');

/** 一、总体情况: counts by class, the time share, the half-time test and the warnings. */
export function overviewParagraphs(p: ReportProgress): string[] {
  const s = p.summary;
  const byClass = CLASS_ORDER.filter((c) => s.byClass[c] > 0).map((c) => `${CLASS_ZH(c)}${s.byClass[c]}项`);
  const label = targetLabeller(p);
  const out = [
    `截至${periodZh(p.at)}，《${p.plan.title}》（${p.plan.periodStart}—${p.plan.periodEnd}年）共监测目标${s.total}项` +
      (byClass.length ? `，其中${joinZh(byClass)}。` : '。'),
    `规划期时序进度为${percentText(p.timeElapsedShare)}。` + halfTimeSentence(p, label),
    `预警情况：红色预警${s.warnings.red}项，黄色预警${s.warnings.yellow}项，绿色${s.warnings.green}项。`,
  ];
  if (p.targets.some((t) => t.judgement.currentOrigin === 'synthetic'))
    out.push('注：标注“模拟”的数值为系统生成的演示数据（合成数据），不是实际统计数据，仅供演示。');
  return out;
}

function halfTimeSentence(p: ReportProgress, label: (t: ReportTarget) => string): string {
  const judged = p.targets.filter((t) => t.judgement.halfTimeHalfTask !== 'na');
  if (judged.length === 0) return '按“时间过半、任务过半”要求，本期暂无可评价的目标。';
  const failed = p.targets.filter((t) => t.judgement.halfTimeHalfTask === 'fail');
  const passed = judged.length - failed.length;
  return (
    `按“时间过半、任务过半”要求评价目标${judged.length}项，达到要求${passed}项，未达到${p.summary.halfTimeFail}项` +
    (failed.length ? `（${joinZh(failed.map(label))}）。` : '。')
  );
}

/** 三、滞后指标分析 opening sentence (each target then gets its own explanation and chart). */
export function behindIntro(p: ReportProgress): string {
  const n = behindTargets(p).length;
  return n === 0 ? '本期无滞后指标。' : `本期判定为滞后的指标共${n}项，逐项分析如下。`;
}

/** 四、数据更新情况 summary sentence. */
export function freshnessIntro(p: ReportProgress): string {
  const rows = needsFigures(p);
  const stale = rows.filter((t) => t.freshness.stale).length;
  const owed = rows.filter((t) => t.freshness.owes !== null);
  if (rows.length === 0) return '各项指标数据均已按期更新。';
  const units = [...new Set(owed.map((t) => t.freshness.owes!.orgUnitName))];
  return (
    `数据过期的指标${stale}项，待报送数据的指标${owed.length}项` +
    (units.length ? `，涉及${joinZh(units)}共${units.length}个单位。` : '。')
  );
}

/** 五、工作建议: one numbered suggestion per finding, each sentence quoting its own figures. */
export function suggestions(p: ReportProgress): string[] {
  const label = targetLabeller(p);
  const out: string[] = [];
  const behind = behindTargets(p);
  if (behind.length) {
    const binding = behind.filter((t) => t.nature === 'binding');
    const detail = behind.map((t) => {
      const j = t.judgement;
      const parts = [`完成${percentText(j.achievementRatio)}`];
      if (j.requiredAnnualGrowth !== null) parts.push(`需年均增长${percentText(j.requiredAnnualGrowth)}`);
      if (j.observedAnnualGrowth !== null) parts.push(`已实现年均增长${percentText(j.observedAnnualGrowth)}`);
      return `${label(t)}（${parts.join('，')}）`;
    });
    out.push(
      `加快推进滞后指标。${joinZh(detail)}进度滞后，建议责任单位分析原因、细化措施，加大推进力度` +
        (binding.length ? `；其中约束性指标${binding.length}项（${joinZh(binding.map(label))}），须严格落实。` : '。'),
    );
  }
  if (p.summary.halfTimeFail > 0)
    out.push(`对照“时间过半、任务过半”要求，${p.summary.halfTimeFail}项目标未达到时序进度，建议列入重点督办。`);
  const missing = p.targets.filter((t) => t.judgement.class === 'insufficient_data');
  if (missing.length)
    out.push(`补齐监测数据。${joinZh(missing.map(label))}共${missing.length}项指标数据不足，暂无法判定进度，建议尽快补报。`);
  const owed = needsFigures(p).filter((t) => t.freshness.owes !== null);
  if (owed.length) {
    const dues = new Set(
      owed.map(({ freshness: { owes: o } }) => `${o!.orgUnitName}（${o!.formName}，${o!.period}，截止${o!.dueDate}）`),
    );
    out.push(`督促按期报送。请${joinZh([...dues])}按期报送数据。`);
  }
  const good = p.summary.byClass.achieved_early + p.summary.byClass.ahead;
  if (good > 0) out.push(`巩固已有成效。提前实现和快于预期的目标共${good}项，建议保持推进力度，防止出现反复。`);
  if (out.length === 0) out.push('各项目标总体符合预期，建议保持当前推进力度，按期报送监测数据。');
  return out;
}
