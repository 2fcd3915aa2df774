import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterTargets, pageOf, parseTargetFilter, targetFilterParams, type FilterableTarget } from './target-filter.ts';

const t = (
  code: string,
  cls: FilterableTarget['judgement']['class'],
  ratio: number | null,
  level: FilterableTarget['warning']['level'],
  subject = 'KM',
): FilterableTarget & { code: string } => ({
  code,
  indicator: { code, name: `指标${code}`, nameEn: `Indicator ${code}` },
  subject: { code: subject, name: subject === 'KM' ? '昆明市' : '曲靖市' },
  judgement: { class: cls, achievementRatio: ratio },
  warning: { level },
});
const rows = [
  t('A', 'behind', 0.2, 'red'),
  t('B', 'on_track', 0.6, 'green', 'QJ'),
  t('C', 'behind', null, 'yellow'),
  t('D', 'ahead', 0.9, 'green', 'QJ'),
];
const codes = (xs: { code: string }[]) => xs.map((x) => x.code).join('');

test('filters by class, warning, subject and text (zh name, en name, code, subject name)', () => {
  assert.equal(codes(filterTargets(rows, { class: 'behind' })), 'AC');
  assert.equal(codes(filterTargets(rows, { warning: 'green' })), 'BD');
  assert.equal(codes(filterTargets(rows, { subject: 'QJ' })), 'BD');
  assert.equal(codes(filterTargets(rows, { q: '指标c' })), 'C');
  assert.equal(codes(filterTargets(rows, { q: 'indicator d' })), 'D');
  assert.equal(codes(filterTargets(rows, { q: '曲靖' })), 'BD');
  assert.equal(codes(filterTargets(rows, { class: 'behind', warning: 'red' })), 'A');
  assert.equal(codes(filterTargets(rows, {})), 'ABCD');
});

test('sorts by class, completion (missing last both ways) and warning (red first), ties in plan order', () => {
  assert.equal(codes(filterTargets(rows, { sort: 'class' })), 'DBAC');
  assert.equal(codes(filterTargets(rows, { sort: '-class' })), 'ACBD');
  assert.equal(codes(filterTargets(rows, { sort: 'completion' })), 'ABDC');
  assert.equal(codes(filterTargets(rows, { sort: '-completion' })), 'DBAC');
  assert.equal(codes(filterTargets(rows, { sort: 'warning' })), 'ACBD');
  assert.equal(codes(filterTargets(rows, { sort: '-warning' })), 'BDCA');
});

test('parses a query string, ignoring unknown values, and writes it back', () => {
  const q = new URLSearchParams('class=behind&warning=purple&q=%20GDP%20&sort=-completion&subject=KM&page=2');
  const f = parseTargetFilter((k) => q.get(k));
  assert.deepEqual(f, { class: 'behind', q: 'GDP', sort: '-completion', subject: 'KM' });
  assert.deepEqual(targetFilterParams(f), { class: 'behind', q: 'GDP', sort: '-completion', subject: 'KM' });
  assert.deepEqual(
    parseTargetFilter(() => null),
    {},
  );
  assert.deepEqual(
    parseTargetFilter((k) => (k === 'sort' ? 'name' : null)),
    {},
  );
});

test('pages of 20, clamping the page asked for', () => {
  const xs = Array.from({ length: 45 }, (_, i) => i);
  assert.deepEqual(pageOf(xs, 3, 20), { rows: [40, 41, 42, 43, 44], page: 3, pages: 3 });
  assert.equal(pageOf(xs, 9, 20).page, 3);
  assert.equal(pageOf(xs, 0, 20).rows[0], 0);
  assert.deepEqual(pageOf([], 1, 20), { rows: [], page: 1, pages: 1 });
});
