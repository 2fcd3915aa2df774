import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type { PlanProgress } from '../src/presenters/progress.presenter.ts';
import { request, startTestServer } from './support/server.ts';

/**
 * Issue 15 item 7: PlanTrack's classes against a published mid-term evaluation — the national 十四五 纲要's
 * 20 main indicators, classed by 国家发展改革委 in December 2023 (test/external/midterm-national-14th, sources
 * in official.yaml). The plan and its published figures go in through the import API and are judged by the
 * progress API, as a plan office would do it. docs/midterm-evaluation-check.md holds the table this prints.
 */
const DIR = path.join(import.meta.dirname, 'external', 'midterm-national-14th');
const PLAN = 'ext-cn-14th-fyp-2021-2025';

interface Official {
  evaluation: { as_of: string };
  classes: Record<string, string>;
  figures: Record<string, { title: string; issuer: string; date: string; address: string }>;
}
interface PlanFile {
  actuals: { indicator: string; period: string; value: string; source: { quote: string } }[];
}

describe('national 十四五 mid-term evaluation: PlanTrack against the official classes', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let official: Official;
  let planText: string;
  before(async () => {
    server = await startTestServer('pglite');
    planText = await readFile(path.join(DIR, 'plan.yaml'), 'utf8');
    official = parse(await readFile(path.join(DIR, 'official.yaml'), 'utf8')) as Official;
  });
  after(async () => {
    await server?.close();
  });

  it('every yearly figure has its publication (title, issuer, date, address) and its quote states the value', () => {
    const plan = parse(planText) as PlanFile;
    for (const a of plan.actuals) {
      const cited = official.figures[`${a.indicator}:${a.period}`];
      assert.ok(cited?.title && cited.issuer && cited.date && cited.address, `${a.indicator} ${a.period} has no citation`);
      // 6.8653亿吨 is quoted as 68653万吨: the digits of the value occur in the quote.
      assert.ok(a.source.quote.replace(/[^\d]/g, '').includes(a.value.replace(/[^\d]/g, '').replace(/^0+/, '')), a.source.quote);
    }
  });

  it('agrees with the official class wherever a current figure was published, and says 数据不足 elsewhere', async () => {
    const imported = await request(server.url, 'POST', '/api/v1/plans/import', { body: planText });
    assert.equal(imported.status, 201, JSON.stringify(imported.body));
    const res = await request<PlanProgress>(server.url, 'GET', `/api/v1/progress?plan=${PLAN}&at=${official.evaluation.as_of}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const rows = res.body.targets.map((t) => ({
      key: t.key,
      official: official.classes[t.key],
      ours: t.judgement.class,
      why: t.judgement.explanation.zh,
    }));
    assert.equal(rows.length, 20);
    const judged = rows.filter((r) => r.ours !== 'insufficient_data');
    const agree = judged.filter((r) => r.ours === r.official);
    console.log(
      [
        `agreement ${agree.length}/${judged.length} judged (${rows.length - judged.length} 数据不足 of 20)`,
        ...rows.map((r) => `| ${r.key} | ${r.official} | ${r.ours} | ${r.why} |`),
      ].join('\n'),
    );
    // The figures found give a class for 11 indicators; 10 agree (the one that does not: 城镇调查失业率, whose
    // 2022 average of 5.6 % is above the 5.5 % ceiling the 纲要 sets, which the report still calls 基本符合预期).
    assert.equal(judged.length, 11);
    assert.ok(agree.length >= 10, `only ${agree.length} of ${judged.length} agree`);
    for (const r of rows.filter((x) => x.ours === 'insufficient_data')) assert.match(r.why, /数据不足/);
  });
});
