import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { derivedShortNames } from './short-names.ts';

describe('derivedShortNames', () => {
  it('gives the short forms zone statisticians write', () => {
    assert.ok(derivedShortNames('昆明高新技术产业开发区').includes('昆明高新区'));
    assert.ok(derivedShortNames('楚雄国家高新技术产业开发区').includes('楚雄高新区'));
    assert.ok(derivedShortNames('曲靖经济技术开发区').includes('曲靖经开区'));
    assert.ok(derivedShortNames('云南禄丰产业园区').includes('禄丰产业园区'));
    assert.ok(derivedShortNames('云南禄丰产业园区').includes('禄丰园区'));
    assert.ok(derivedShortNames('中国（云南）自由贸易试验区昆明片区').includes('昆明片区'));
  });

  it('never returns the name itself or a form too short to mean one unit', () => {
    assert.deepEqual(derivedShortNames('昆明片区'), []);
    assert.ok(!derivedShortNames('云南省').includes(''));
  });
});
