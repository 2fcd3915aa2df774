import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countWarnings, warningsByUnit, type TalliedTarget } from './warning-tally.ts';

const unit = (code: string, name: string) => ({ kind: 'org_unit' as const, code, name });
const t = (key: string, subject: TalliedTarget['subject'], level: 'red' | 'yellow' | 'green'): TalliedTarget => ({
  key,
  subject,
  warning: { level },
});

describe('warning tally', () => {
  const targets = [
    t('1', unit('KM', '昆明市'), 'yellow'),
    t('2', unit('QJ', '曲靖市'), 'red'),
    t('3', unit('KM', '昆明市'), 'green'),
    t('4', { kind: 'group', code: 'bloc-c', name: '滇中' }, 'yellow'),
    t('5', unit('KM', '昆明市'), 'red'),
    t('6', unit('YX', '玉溪市'), 'yellow'),
  ];

  it('counts every level once', () => {
    assert.deepEqual(countWarnings(targets), { red: 2, yellow: 3, green: 1 });
    assert.deepEqual(countWarnings([]), { red: 0, yellow: 0, green: 0 });
  });

  it('groups red and yellow by responsible unit, red units first, group targets last', () => {
    const units = warningsByUnit(targets);
    assert.deepEqual(
      units.map((u) => [u.orgUnit?.code ?? null, u.red, u.yellow, u.targets.map((x) => x.key)]),
      [
        ['KM', 1, 1, ['5', '1']],
        ['QJ', 1, 0, ['2']],
        ['YX', 0, 1, ['6']],
        [null, 0, 1, ['4']],
      ],
    );
  });

  it('adds up to the counts', () => {
    const units = warningsByUnit(targets);
    const c = countWarnings(targets);
    assert.equal(
      units.reduce((s, u) => s + u.red, 0),
      c.red,
    );
    assert.equal(
      units.reduce((s, u) => s + u.yellow, 0),
      c.yellow,
    );
  });
});
