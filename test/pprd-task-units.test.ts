import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { DATASET_DIR } from '../src/dataset/dataset-path.ts';
import { createOrgUnitMatcher } from '../src/domain/extraction/org-unit-matcher.ts';
import { parseResponsibleUnits } from '../src/domain/extraction/task-patterns.ts';

interface Unit {
  code: string;
  name: string;
  kind: string;
}
const read = (file: string) =>
  parse(readFileSync(path.join(DATASET_DIR, file), 'utf8')) as {
    orgUnits?: Unit[];
    tasks?: { key: string; lead?: string[]; co?: string[]; responsibleText?: string }[];
  };

/**
 * The 47 tasks of the 2016 Pan-Pearl-River-Delta opinions: every task names its lead and co
 * departments exactly as its own assignment clause (牵头 …；… 按照职责分工负责) reads, through the
 * same parser and org-unit matcher the plan extraction uses — none missing, none extra, in order.
 */
describe('004 (泛珠) tasks and their units', () => {
  it('resolve every lead and co-unit the plan names', () => {
    const base = read('base.yaml');
    const plan = read('plans/yunnan-pprd-2016.yaml');
    const units = [...base.orgUnits!, ...plan.orgUnits!].map((u) => ({ code: u.code, name: u.name, kind: u.kind, synonyms: [] }));
    const orgs = createOrgUnitMatcher({ orgUnits: units, groups: [] });
    assert.equal(plan.tasks!.length, 47);
    const mismatches: string[] = [];
    for (const t of plan.tasks!) {
      assert.ok(t.lead?.length, `${t.key} has a lead unit`);
      const parsed = parseResponsibleUnits(t.responsibleText!, orgs)!;
      const codes = (refs: { code?: string; name: string }[]) => refs.map((r) => r.code ?? `?${r.name}`);
      const got = { lead: codes(parsed.lead), co: codes(parsed.co) };
      const want = { lead: t.lead, co: t.co ?? [] };
      if (JSON.stringify(got) !== JSON.stringify(want))
        mismatches.push(`${t.key}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
    assert.deepEqual(mismatches, []);
  });
});
