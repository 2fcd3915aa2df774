import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Draft, TargetCandidate } from '../../web/src/api/types.ts';
import { findPassage, freeId, handTarget, placeInTitle, splitCandidate } from '../../web/src/ingest/handCandidates.ts';
import { followDefaultScope, targetsScopedTo } from '../../web/src/ingest/rescope.ts';
import { NO_ADDED, buildReview, initialState, initialTargetEdit, type ReviewState } from '../../web/src/ingest/reviewModel.ts';

const TEXT = '第一章 目标\n到2025年，地区生产总值达到2.5万亿元，外贸进出口总额达到1万亿\n亿元。\n基本建成西部金融中心。\n';

const candidate = (id: string, quote: string, scope?: string): TargetCandidate => {
  const start = TEXT.indexOf(quote);
  return {
    id,
    indicator: { code: 'GDP', name: '地区生产总值', mention: '地区生产总值', matchedBy: 'name' },
    ...(scope
      ? { scope: { code: scope, kind: 'org_unit' as const, name: scope, mention: scope, from: 'sentence' as const } }
      : {}),
    target: { year: 2025, yearFrom: 'sentence', comparator: 'at_least', value: '25000' },
    quote,
    span: { start, end: start + quote.length },
    valueSpan: { start, end: start + quote.length },
    section: ['第一章 目标'],
    fromTable: false,
    confidence: 0.9,
    evidence: [],
  };
};

const draft = (targets: TargetCandidate[]): Draft =>
  ({
    id: 1,
    fileName: 'a.txt',
    text: TEXT,
    acceptedPlanId: null,
    result: { plan: { periodStart: 2021, periodEnd: 2025 }, sections: [], targets, tasks: [], orgUnits: [], industries: [] },
  }) as unknown as Draft;

describe('candidates the reviewer makes (issue 17 item 5)', () => {
  it('finds a pasted passage as written, or across a broken line, and nothing that is not there', () => {
    assert.deepEqual(findPassage(TEXT, '基本建成西部金融中心'), { start: TEXT.indexOf('基本'), end: TEXT.indexOf('基本') + 10 });
    const span = findPassage(TEXT, '达到1万亿亿元')!;
    assert.equal(TEXT.slice(span.start, span.end), '达到1万亿\n亿元');
    assert.equal(findPassage(TEXT, '建成东部金融中心'), null);
    assert.equal(findPassage(TEXT, '  '), null);
  });

  it('numbers added and split-off candidates after the ids taken', () => {
    assert.equal(freeId('added', new Set(['added-1', 't1'])), 'added-2');
    const c = candidate('t1', '地区生产总值达到2.5万亿元');
    assert.equal(splitCandidate(c, new Set(['t1', 't1-2'])).id, 't1-3');
    assert.equal(placeInTitle('四川省成都市“十四五”开发区发展规划'), '四川省');
    assert.equal(placeInTitle('“十四五”规划'), '');
  });

  it('sends the reviewer’s candidates with their own passage, in document order, and the extracted ones without', () => {
    const gdp = candidate('t1', '地区生产总值达到2.5万亿元');
    const d = draft([gdp]);
    const hand = handTarget('added-1', TEXT, findPassage(TEXT, '基本建成西部金融中心。')!, 2025, [gdp]);
    assert.deepEqual(hand.section, ['第一章 目标']);
    const split = splitCandidate(gdp, new Set(['t1']));
    const s: ReviewState = {
      ...initialState(d),
      added: { targets: [hand, split], tasks: [], how: { 'added-1': 'hand', 't1-2': 'split' } },
    };
    s.plan = { ...s.plan, id: 'p', title: 'p', issuer: 'x', scope: 'YN' };
    s.targets['t1'] = { decision: 'accepted', edit: initialTargetEdit(gdp), edited: false };
    s.targets['t1-2'] = { decision: 'accepted', edit: { ...initialTargetEdit(gdp), value: '3' }, edited: true };
    s.targets['added-1'] = {
      decision: 'accepted',
      edit: { ...initialTargetEdit(hand), indicator: 'GDP', comparator: 'qualitative', text: '建成' },
      edited: true,
    };
    const built = buildReview(d, s, { indicators: [], orgUnits: [], groups: [] });
    assert.deepEqual(built.problems, []);
    assert.deepEqual(built.targetIds, ['t1', 't1-2', 'added-1']);
    assert.deepEqual(
      built.review.targets.map((t) => [t.candidateId, t.span ?? null]),
      [
        ['t1', null],
        ['t1-2', gdp.span],
        ['added-1', hand.span],
      ],
    );
  });

  it('moves the targets that name the old default scope to the new default in one step', () => {
    const d = draft([candidate('t1', '地区生产总值达到2.5万亿元', 'YN'), candidate('t2', '外贸进出口总额', 'YN-KM')]);
    const s = { ...initialState(d), added: NO_ADDED };
    const ids = targetsScopedTo(s, { kind: 'orgUnit', code: 'YN' });
    assert.deepEqual(ids, ['t1']);
    const moved = followDefaultScope(s, ids, () => initialTargetEdit(d.result.targets[0]!));
    assert.equal(moved.targets['t1']!.edit.scope, '');
    assert.equal(moved.targets['t1']!.edited, true);
    assert.equal(moved.targets['t2']!.edit.scope, 'YN-KM');
  });
});
