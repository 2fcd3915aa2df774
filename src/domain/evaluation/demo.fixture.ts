import type { EvaluationUnit } from './evaluate.ts';
import { schemeSchema } from './scheme.schema.ts';

/** A small scheme and five units shared by the tests. */
export const scheme = schemeSchema.parse({
  code: 'demo',
  name: '示例考核',
  indicators: [
    { code: 'gdp', name: '地区生产总值增速', nameEn: 'GDP growth', weight: 0.6 },
    { code: 'pm', name: 'PM2.5 浓度', nameEn: 'PM2.5', weight: 0.4, direction: 'lower_better' },
    { code: 'park', name: '园区数量', nameEn: 'Parks', weight: 0.2, required: false },
  ],
  vetoes: [{ code: 'safety', indicator: 'pm', op: 'gt', value: 70, reason: '重大污染事件', reasonEn: 'major pollution' }],
  adjustments: [
    { code: 'award', kind: 'bonus', name: '国家级表彰', maxPoints: 3 },
    { code: 'audit', kind: 'penalty', name: '审计问题', maxPoints: 5 },
  ],
  bonusCap: 4,
  grades: [
    { label: '优秀', labelEn: 'Excellent', minScore: 85 },
    { label: '良好', labelEn: 'Good', minScore: 70 },
    { label: '一般', labelEn: 'Fair', minScore: 55 },
    { label: '较差', labelEn: 'Poor', minScore: 0 },
  ],
  groups: [{ code: 'g2', name: '山区组', weights: { gdp: 0.2 } }],
});

export const units: EvaluationUnit[] = [
  { code: 'a', name: '甲', values: { gdp: 8, pm: 20, park: 5 }, adjustments: { award: 9 } },
  { code: 'b', name: '乙', values: { gdp: 6, pm: 30, park: null } },
  { code: 'c', name: '丙', values: { gdp: 4, pm: 40, park: 1 }, adjustments: { audit: 2 } },
  { code: 'd', name: '丁', values: { gdp: 8, pm: 80, park: 5 } },
  { code: 'e', name: '戊', values: { gdp: null, pm: 25 } },
];
