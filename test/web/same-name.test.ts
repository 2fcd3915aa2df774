import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sameName } from '../../web/src/text/sameName.ts';

describe('sameName (review page)', () => {
  it('takes a name stored as written and the extractor’s folded proposal for one name', () => {
    assert.ok(sameName('成都（天府）新区', '成都(天府)新区'));
    assert.ok(sameName('土地供应率（供地率）', ' 土地供应率(供地率)'));
    assert.ok(!sameName('成都（天府）新区', '成都新区'));
  });
});
