import { todayIso } from '../reporting/periods.ts';

/**
 * As-of periods a plan can be judged at, newest first: each year of the plan period with its quarters,
 * only periods that are over by `today` (ISO). The first one is the default.
 */
export function asOfChoices(periodStart: number, periodEnd: number, today: string = todayIso()): string[] {
  const out: string[] = [];
  const lastDay = (year: number, quarter: number) =>
    `${year}-${String(quarter * 3).padStart(2, '0')}-${quarter === 1 || quarter === 4 ? '31' : '30'}`;
  for (let y = periodEnd; y >= periodStart; y--) {
    if (lastDay(y, 4) < today) out.push(String(y));
    for (let q = 4; q >= 1; q--) if (lastDay(y, q) < today) out.push(`${y}Q${q}`);
  }
  return out;
}
