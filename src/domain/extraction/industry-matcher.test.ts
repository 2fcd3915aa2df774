import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createIndustryMatcher } from './industry-matcher.ts';

describe('createIndustryMatcher', () => {
  it('finds industries named as such, longest first, with extra names from the catalogue', () => {
    const m = createIndustryMatcher(['咖啡产业']);
    assert.deepEqual(
      m.find('重点发展生物医药产业、新能源汽车制造和咖啡产业,加强旅游宣传').map((x) => x.name),
      ['生物医药', '新能源汽车', '咖啡'],
    );
  });
  it('matches an extra name stored as written in the normalised text (issue 18: 坚果（核桃）加工 is kept with its brackets)', () => {
    const m = createIndustryMatcher(['坚果（核桃）加工']);
    assert.deepEqual(
      m.find('做强坚果(核桃)加工产业').map((x) => x.name),
      ['坚果(核桃)加工'],
    );
  });
});
