import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RoleGrant } from '../access/roles.ts';
import { fullDetailFor, runForReader, runVisible, withholdUnit, type PublishedUnit } from './publication.ts';

const tree = new Map<string, string | null>([
  ['YN', null],
  ['YN-HH', 'YN'],
  ['YN-KM', 'YN'],
  ['ZN-HH-MENGZI', 'YN-HH'],
  ['ZN-KM-HIGHTECH', 'YN-KM'],
]);
const parentOf = (c: string) => tree.get(c);
const grant = (role: RoleGrant['role'], scopeOrgUnit: string | null, scopePlans: string[] | null = null): RoleGrant[] => [
  { role, scopeOrgUnit, scopePlans },
];
const admin = grant('admin', null);
const parksPlanner = grant('plan_manager', null, ['parks']);
const ftzPlanner = grant('plan_manager', null, ['ftz']);
const mengziReporter = grant('reporter', 'ZN-HH-MENGZI');
const leader = grant('viewer', null);
const parks = ['parks'];

function unit(code: string): PublishedUnit {
  return {
    code,
    status: 'complete',
    missing: ['X'],
    gradedOn: 70,
    floors: [{ code: 'f' }],
    baseScore: 71,
    bonus: 2,
    penalty: 1,
    score: 72,
    rank: 3,
    grade: '良好',
    vetoes: [{ code: 'v' }],
    contributions: [{ indicator: 'REVENUE', raw: '12.5' }],
    previous: { year: 2022, score: 60, rank: 5, grade: '一般' },
    explanation: { zh: '营业收入 12.5 亿元', en: 'revenue 12.5' },
    sensitivity: { rankLow: 2 },
    topsis: { closeness: 0.5, rank: 2 },
  };
}

test("a draft run is seen by the scheme's plan's managers only; a published one by everyone", () => {
  assert.equal(runVisible('draft', admin, parks), true);
  assert.equal(runVisible('draft', parksPlanner, parks), true);
  for (const g of [ftzPlanner, mengziReporter, leader]) assert.equal(runVisible('draft', g, parks), false);
  for (const g of [ftzPlanner, mengziReporter, leader]) assert.equal(runVisible('published', g, parks), true);
  assert.equal(runVisible('draft', parksPlanner, [null]), false, 'a scheme of no plan is every plan manager’s');
});

test('readers of the whole tree and the scheme’s managers see every unit in full; a zone reporter its own zone', () => {
  assert.equal(fullDetailFor(leader, parks, parentOf), null);
  assert.equal(fullDetailFor(ftzPlanner, parks, parentOf), null);
  const mengzi = fullDetailFor(mengziReporter, parks, parentOf)!;
  assert.equal(mengzi('ZN-HH-MENGZI'), true);
  assert.equal(mengzi('ZN-KM-HIGHTECH'), false);
  assert.equal(fullDetailFor(grant('reporter', 'YN-HH'), parks, parentOf)!('ZN-HH-MENGZI'), true);
});

test('at the default level another unit shows rank, total score and grade, and none of its figures', () => {
  const u = withholdUnit(unit('ZN-KM-HIGHTECH'), 'score');
  assert.deepEqual([u.rank, u.score, u.grade], [3, 72, '良好']);
  assert.deepEqual(u.previous, { year: 2022, score: 60, rank: 5, grade: '一般' });
  assert.deepEqual([u.contributions, u.missing, u.vetoes, u.floors], [[], [], [], []]);
  assert.deepEqual([u.baseScore, u.bonus, u.penalty, u.gradedOn, u.sensitivity, u.topsis], [null, 0, 0, null, null, null]);
  assert.equal(u.withheld, true);
  assert.doesNotMatch(JSON.stringify(u), /12\.5|REVENUE/);
});

test('at grade level only the grade is shown; at detail level everything', () => {
  const g = withholdUnit(unit('Z'), 'grade');
  assert.deepEqual(
    [g.rank, g.score, g.grade, g.previous?.score, g.previous?.rank, g.previous?.grade],
    [null, null, '良好', null, null, '一般'],
  );
  assert.deepEqual(withholdUnit(unit('Z'), 'detail'), unit('Z'));
});

test('the run filter withholds only units outside the reader’s subtree, and only in a published run', () => {
  const run = { status: 'published', units: [unit('ZN-HH-MENGZI'), unit('ZN-KM-HIGHTECH')] };
  const seen = runForReader(run, 'score', fullDetailFor(mengziReporter, parks, parentOf));
  assert.deepEqual(seen.units[0], unit('ZN-HH-MENGZI'));
  assert.equal(seen.units[1]!.withheld, true);
  assert.deepEqual(runForReader(run, 'score', null), run);
  const draft = { ...run, status: 'draft' };
  assert.deepEqual(
    runForReader(draft, 'grade', () => false),
    draft,
  );
});
