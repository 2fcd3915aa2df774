/** What a target asks, in one short line for plain-text output (the CLI's listings). */
export interface TargetFigures {
  comparator: string;
  value?: string | null;
  min?: string | null;
  max?: string | null;
  rate?: string | null;
  reference?: string | null;
  text?: string | null;
}

/**
 * ≥ 2675.78, 年均增长 7%, 占比 10%… `exactly` is written `=` for a stored target and `≈` for an
 * extracted candidate, whose 左右/约 the value only approximates.
 */
export function targetText(t: TargetFigures, exactly: '=' | '≈' = '='): string {
  switch (t.comparator) {
    case 'at_least':
      return `≥ ${t.value}`;
    case 'at_most':
      return `≤ ${t.value}`;
    case 'exactly':
      return `${exactly} ${t.value}`;
    case 'range':
      return `${t.min}–${t.max}`;
    case 'annual_growth':
      return `年均增长 ${t.rate}%`;
    case 'cumulative_change':
      return `累计变化 ${t.rate}%`;
    case 'share':
      return `占比 ${t.value}%`;
    case 'exceeds_growth_of':
      return `增速高于 ${t.reference}`;
    case 'growth_in_step_with':
      return `增速与 ${t.reference} 基本同步`;
    case 'increase_by':
      return `比基期提高 ${t.value}`;
    case 'qualitative':
      return t.text ?? '';
    default:
      return t.comparator;
  }
}
