import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orgUnitSchema } from './org-unit.schema.ts';

describe('orgUnitSchema', () => {
  it("keeps a zone's leading industries as written (issue 18), ends trimmed", () => {
    const unit = orgUnitSchema.parse({
      code: 'ZN-TEST',
      name: '测试开发区',
      kind: 'development_zone',
      zone: { leadingIndustries: [' 坚果（核桃）加工 ', '绿色食品'] },
    });
    assert.deepEqual(unit.zone?.leadingIndustries, ['坚果（核桃）加工', '绿色食品']);
  });
});
