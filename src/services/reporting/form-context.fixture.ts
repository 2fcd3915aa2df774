import type { FormContext } from './form-context.ts';

/**
 * Form F1 (月报) for the fast service tests: monthly from 2024-01, reported by zones, one cumulative
 * indicator REVENUE (id 11, 万元). The deadline's month offset and the rules are the test's own.
 */
export function monthlyFormContext({ monthsAfter, rules }: { monthsAfter: number; rules?: unknown[] }): FormContext {
  return {
    id: 4,
    version: 2,
    form: {
      code: 'F1',
      name: '月报',
      nameEn: 'Monthly',
      frequency: 'month',
      firstPeriod: '2024-01',
      deadline: { monthsAfter, day: 20 },
      items: [{ indicator: 'REVENUE', cumulative: true, required: true, synonyms: [] }],
      reporters: { kinds: ['zone'], units: [] },
      rules,
    },
    indicators: new Map([
      ['REVENUE', { id: 11, code: 'REVENUE', name: '营业收入', nameEn: 'Revenue', unit: '万元', synonyms: [] }],
    ]),
  } as unknown as FormContext;
}
