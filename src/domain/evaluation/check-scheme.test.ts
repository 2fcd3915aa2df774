import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSchemeReferences, type SchemeCatalogue } from './check-scheme.ts';
import { storedSchemeSchema } from './stored-scheme.schema.ts';

const catalogue: SchemeCatalogue = {
  indicators: new Set(['GDP', 'AWARD_POINTS']),
  orgGroups: new Set(['mfa-urbanised']),
  unitKinds: new Set(['prefecture']),
  units: new Set(['YN']),
  plans: new Set(['regional']),
  quoteFound: (plan, quote) => plan === 'regional' && '每年开展一次综合绩效评价。'.includes(quote),
};

const scheme = (extra: object) =>
  storedSchemeSchema.parse({
    code: 's',
    name: '评价',
    indicators: [{ code: 'GDP', name: 'GDP', weight: 1 }],
    grades: [{ label: '好', minScore: 0 }],
    groups: [{ code: 'u', name: '城市化地区' }],
    ...extra,
  });

describe('checkSchemeReferences', () => {
  it('accepts a scheme whose codes, kinds, groups and quotes all exist', () => {
    const ok = scheme({
      subject: { kinds: ['prefecture'], root: 'YN', plan: 'regional', group: 'mfa-urbanised' },
      groupBy: { by: 'org_group', groups: { u: 'mfa-urbanised' } },
      adjustments: [{ code: 'AWARD_POINTS', kind: 'bonus', name: '表彰', maxPoints: 3 }],
      sources: [{ item: 'scheme', plan: 'regional', section: '第四节', quote: '综合绩效评价' }],
    });
    assert.deepEqual(checkSchemeReferences(ok, catalogue), []);
  });
  it('names every field that points nowhere', () => {
    const bad = scheme({
      indicators: [{ code: 'NOPE', name: '无', weight: 1 }],
      subject: { kinds: ['county'], root: 'XX', plan: 'other', group: 'g' },
      groupBy: { by: 'org_group', groups: { u: 'mfa-none' } },
      adjustments: [{ code: 'PTS', kind: 'penalty', name: '扣分', maxPoints: 3 }],
      sources: [
        { item: 'scheme', plan: 'regional', section: '第四节', quote: '不在原文里' },
        { item: 'scheme', plan: 'other', section: '一', quote: '综合' },
      ],
    });
    assert.deepEqual(
      checkSchemeReferences(bad, catalogue).map((p) => p.field),
      [
        'indicators.0.code',
        'adjustments.0.code',
        'subject.kinds.0',
        'subject.group',
        'subject.root',
        'subject.plan',
        'groupBy.groups.u',
        'sources.0.quote',
        'sources.1.plan',
      ],
    );
  });
});
