import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type { PlanProgress } from '../src/presenters/progress.presenter.ts';
import { request, startTestServer } from './support/server.ts';

/**
 * Issue 15 item 7: PlanTrack's classes against published mid-term evaluations. Each directory
 * test/external/midterm-<name> directory holds one evaluated plan: plan.yaml (the plan's indicator table and its
 * published yearly figures, each with its quote) and official.yaml (the report's class for each
 * indicator it names, where each figure was published, and what this check expects — written before
 * PlanTrack was first run on the files). The plan and its figures go in through the import API and
 * are judged by the progress API, as a plan office would do it. Dropping in another evaluation is
 * adding a directory. docs/midterm-evaluation-check.md holds the tables this prints.
 */
const EXTERNAL = path.join(import.meta.dirname, 'external');
const CHECKS = readdirSync(EXTERNAL)
  .filter((d) => d.startsWith('midterm-') && existsSync(path.join(EXTERNAL, d, 'official.yaml')))
  .sort();

interface Official {
  evaluation: { title: string; issuer: string; date: string; address: string; as_of: string };
  classes: Record<string, string>;
  figures: Record<string, { title: string; issuer: string; date: string; address: string }>;
  /** What the check asserts, stated with the annotation: how many named indicators get a class, how many agree. */
  expected?: { judged?: number; agree_at_least?: number };
}
interface PlanFile {
  plan: { id: string };
  targets: { key: string }[];
  actuals?: { indicator: string; period: string; value: string; source: { quote: string } }[];
}

describe('published mid-term evaluations: PlanTrack against the official classes', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    server = await startTestServer('pglite');
  });
  after(async () => {
    await server?.close();
  });

  it('finds at least one evaluation to check', () => {
    assert.ok(CHECKS.length > 0, `no test/external/midterm-*/official.yaml under ${EXTERNAL}`);
  });

  for (const dir of CHECKS) {
    describe(dir, () => {
      const planText = readFileSync(path.join(EXTERNAL, dir, 'plan.yaml'), 'utf8');
      const plan = parse(planText) as PlanFile;
      const official = parse(readFileSync(path.join(EXTERNAL, dir, 'official.yaml'), 'utf8')) as Official;

      it('the report and every yearly figure have their publication (title, issuer, date, address); each quote states its value', () => {
        const e = official.evaluation;
        assert.ok(e.title && e.issuer && e.date && e.address && e.as_of, 'the evaluation itself has no citation');
        for (const a of plan.actuals ?? []) {
          const cited = official.figures[`${a.indicator}:${a.period}`];
          assert.ok(cited?.title && cited.issuer && cited.date && cited.address, `${a.indicator} ${a.period} has no citation`);
          // 6.8653亿吨 is quoted as 68653万吨: the digits of the value occur in the quote.
          assert.ok(
            a.source.quote.replace(/[^\d]/g, '').includes(a.value.replace(/[^\d]/g, '').replace(/^0+/, '')),
            a.source.quote,
          );
        }
      });

      it('every official class names a target of the plan, and the expectation was stated', () => {
        const keys = new Set(plan.targets.map((t) => t.key));
        for (const key of Object.keys(official.classes)) assert.ok(keys.has(key), `official class for unknown target ${key}`);
        assert.ok(Object.keys(official.classes).length > 0, 'official.yaml names no class');
        assert.equal(typeof official.expected?.judged, 'number', 'official.yaml must state expected.judged');
        assert.equal(typeof official.expected?.agree_at_least, 'number', 'official.yaml must state expected.agree_at_least');
      });

      it('agrees with the official class wherever a current figure was published, and says 数据不足 elsewhere', async () => {
        const imported = await request(server.url, 'POST', '/api/v1/plans/import', { body: planText });
        assert.equal(imported.status, 201, JSON.stringify(imported.body));
        const res = await request<PlanProgress>(
          server.url,
          'GET',
          `/api/v1/progress?plan=${encodeURIComponent(plan.plan.id)}&at=${official.evaluation.as_of}`,
        );
        assert.equal(res.status, 200, JSON.stringify(res.body));
        const rows = res.body.targets.map((t) => ({
          key: t.key,
          official: official.classes[t.key],
          ours: t.judgement.class,
          why: t.judgement.explanation.zh,
        }));
        assert.equal(rows.length, plan.targets.length);
        // Indicators the report does not name one by one are shown but not counted.
        const named = rows.filter((r) => r.official !== undefined);
        const judged = named.filter((r) => r.ours !== 'insufficient_data');
        const agree = judged.filter((r) => r.ours === r.official);
        console.log(
          [
            `${dir}: agreement ${agree.length}/${judged.length} judged (${named.length - judged.length} 数据不足 of ${named.length} named by the report, ${rows.length} targets)`,
            ...rows.map((r) => `| ${r.key} | ${r.official ?? '(not named)'} | ${r.ours} | ${r.why} |`),
          ].join('\n'),
        );
        assert.equal(judged.length, official.expected?.judged);
        assert.ok(
          agree.length >= (official.expected?.agree_at_least ?? Infinity),
          `only ${agree.length} of ${judged.length} agree`,
        );
        for (const r of rows.filter((x) => x.ours === 'insufficient_data')) assert.match(r.why, /数据不足/);
      });
    });
  }
});
