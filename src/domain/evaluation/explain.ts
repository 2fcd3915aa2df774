import type { UnitResult } from './evaluate.ts';
import type { Scheme } from './scheme.schema.ts';

const f1 = (x: number): string => (Math.round(x * 10) / 10).toFixed(1);

/** A plain-language account of one unit's result, in Chinese or English. */
export function explain(result: UnitResult, scheme: Scheme, lang: 'zh' | 'en'): string {
  const ind = new Map(scheme.indicators.map((i) => [i.code, i]));
  const name = (code: string): string => {
    const i = ind.get(code);
    return lang === 'zh' ? (i?.name ?? code) : (i?.nameEn ?? i?.name ?? code);
  };
  const zh = lang === 'zh';
  if (result.status === 'incomplete') {
    const list = result.missing.map(name).join(zh ? '、' : ', ');
    return zh
      ? `${result.name}：缺少指标（${list}）的数据，未计分、未排名、未定级。`
      : `${result.name}: no data for indicator(s) ${list}; not scored, ranked or graded.`;
  }
  const grade = scheme.grades[result.gradeIndex!]!;
  const gradeLabel = zh ? grade.label : (grade.labelEn ?? grade.label);
  const missingList = result.missing.map(name).join(zh ? '、' : ', ');
  const parts: string[] = [
    result.rank !== null
      ? zh
        ? `${result.name}：得分 ${f1(result.score!)}，排名第 ${result.rank} 位，等级「${gradeLabel}」。`
        : `${result.name}: score ${f1(result.score!)}, rank ${result.rank}, grade "${gradeLabel}".`
      : zh
        ? `${result.name}：缺数（${missingList}），按现有指标得分 ${f1(result.score!)}，不参与排名；等级「${gradeLabel}」。`
        : `${result.name}: missing data (${missingList}); score on the available indicators ${f1(result.score!)}, not ranked; grade "${gradeLabel}".`,
  ];
  if (result.gradedOn !== null)
    parts.push(
      zh
        ? `等级按缺数指标记 0 分时的得分 ${f1(result.gradedOn)} 评定（现有数据能够支持的等级）。`
        : `The grade rests on ${f1(result.gradedOn)}, the score with every missing indicator at 0 (the grade the available data support).`,
    );
  const withPoints = result.contributions.filter((c) => c.points !== null).sort((a, b) => b.points! - a.points!);
  if (withPoints.length > 0) {
    const top = withPoints[0]!;
    const weakest = [...result.contributions]
      .filter((c) => c.normalised !== null)
      .sort((a, b) => a.normalised! - b.normalised!)[0]!;
    // The weakest is only worth naming when it is another indicator and falls short of full marks.
    const weak = weakest.indicator !== top.indicator && weakest.normalised! < 1;
    parts.push(
      zh
        ? `贡献最大的是${name(top.indicator)}（${f1(top.points!)} 分）${weak ? `；相对最弱的是${name(weakest.indicator)}（标准化值 ${weakest.normalised!.toFixed(2)}）` : ''}。`
        : `Largest contribution: ${name(top.indicator)} (${f1(top.points!)} points)${weak ? `; weakest: ${name(weakest.indicator)} (normalised ${weakest.normalised!.toFixed(2)})` : ''}.`,
    );
  }
  // Weight-0 indicators (read only for a veto) have no weight to share out.
  const skipped = result.contributions
    .filter((c) => c.raw === null && c.normalised === null && (ind.get(c.indicator)?.weight ?? 0) > 0)
    .map((c) => name(c.indicator));
  if (scheme.missingPolicy === 'zero' && result.missing.length > 0)
    parts.push(zh ? `缺数指标${missingList}按 0 分计。` : `Missing indicator(s) ${missingList} scored 0.`);
  else if (skipped.length > 0)
    parts.push(
      zh
        ? `非必填指标${skipped.join('、')}无数据，其权重按比例分给其余指标。`
        : `Optional indicator(s) ${skipped.join(', ')} had no data; their weight was shared among the others.`,
    );
  if (result.bonus > 0 || result.penalty > 0)
    parts.push(
      zh ? `加分 ${f1(result.bonus)}，扣分 ${f1(result.penalty)}。` : `Bonus ${f1(result.bonus)}, penalty ${f1(result.penalty)}.`,
    );
  for (const f of result.floors) {
    const band = scheme.grades.find((g) => g.label === f.maxGrade);
    parts.push(
      zh
        ? `${name(f.indicator)}未达到底线 ${f.min}（${f.reason}），等级至多「${f.maxGrade}」。`
        : `${name(f.indicator)} is below the floor of ${f.min} (${f.reasonEn ?? f.reason}); the grade is at most "${band?.labelEn ?? f.maxGrade}".`,
    );
  }
  for (const v of result.vetoes)
    parts.push(
      zh ? `触发一票否决：${v.reason}，等级定为最低。` : `Veto: ${v.reasonEn ?? v.reason}; the grade is set to the lowest.`,
    );
  return parts.join(zh ? '' : ' ');
}
