import type { TargetFilter } from '../../domain/progress/target-filter.ts';
import { CLASS_LABELS } from '../../domain/progress/types.ts';

const WARNING_ZH = { red: '红色', yellow: '黄色', green: '绿色' } as const;
const SORT_ZH = { class: '判定', completion: '完成程度', warning: '预警' } as const;

/**
 * The filter in words for the filtered workbook's 说明 sheet (issue 19). The responsible subject is
 * named as the plan names it (红河州, not YN-HH), looked up among the plan's targets before filtering;
 * a code no target carries is quoted as the reader gave it.
 */
export function filterLines(f: TargetFilter, subjects: readonly { code: string; name: string }[]): string[] {
  const lines: string[] = [];
  if (f.class) lines.push(`判定为“${CLASS_LABELS[f.class].zh}”`);
  if (f.warning) lines.push(`预警为${WARNING_ZH[f.warning]}`);
  if (f.subject) {
    const name = subjects.find((s) => s.code === f.subject)?.name;
    lines.push(name ? `责任主体为${name}` : `责任主体为“${f.subject}”（本规划无此责任主体）`);
  }
  if (f.q) lines.push(`含“${f.q}”`);
  if (f.sort)
    lines.push(`按${SORT_ZH[f.sort.replace(/^-/, '') as keyof typeof SORT_ZH]}${f.sort.startsWith('-') ? '降序' : '升序'}排列`);
  return lines;
}
