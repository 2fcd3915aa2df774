/**
 * Extraction quality on the hand-built gold sets (test/gold/*.gold.json): precision, recall and F1
 * per field, per plan and overall (micro-averaged), for
 * - the extractor with the curated dataset's full catalogue (what `plantrack extract` uses),
 * - the extractor with base.yaml only (a plan the platform has never seen: plan-specific indicators,
 *   zones and groups are unknown and must be proposed as new),
 * - a naive baseline in the same run: every sentence with a year and another number is a target
 *   (its first non-year number), every sentence with 牵头/负责 or 到20xx年 is a task;
 * and the ratio extractor F1 / baseline F1 per field.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogueInput, TargetCandidate, TaskCandidate } from '../src/domain/extraction/candidate.schema.ts';
import { dedupeParagraphs, sentenceRanges } from '../src/domain/extraction/dedupe-paragraphs.ts';
import { extractCandidates } from '../src/domain/extraction/extract-candidates.ts';
import { goldSetSchema, type GoldSet } from '../src/domain/extraction/gold.schema.ts';
import { normaliseDocument } from '../src/domain/extraction/normalise-document.ts';
import { originalRange } from '../src/domain/extraction/offset-text.ts';
import { scoreExtraction, sumReports, type Extracted, type PRF, type ScoreReport } from '../src/domain/extraction/score.ts';
import { loadDatasetCatalogue } from '../src/ingestion/dataset-catalogue.ts';
import { extractionExternal } from './extraction-external.bench.ts';
import { extractionUnseen } from './extraction-unseen.bench.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
export const GOLD_DIR = path.join(ROOT, 'test/gold');

export async function loadGoldSets(): Promise<{ gold: GoldSet; raw: string }[]> {
  const files = (await readdir(GOLD_DIR)).filter((f) => f.endsWith('.gold.json')).sort();
  return Promise.all(
    files.map(async (f) => {
      const gold = goldSetSchema.parse(JSON.parse(await readFile(path.join(GOLD_DIR, f), 'utf8')));
      return { gold, raw: await readFile(path.join(ROOT, gold.source), 'utf8') };
    }),
  );
}

type Fields = Record<string, PRF>;
interface RunResult {
  perPlan: Record<string, { targets: Fields; tasks: Fields; curatedTargets: string; ms: number }>;
  overall: { targets: Fields; tasks: Fields; curatedTargets: string };
}

/** Scores one extractor over every gold set. */
export async function scoreAll(
  sets: readonly { gold: GoldSet; raw: string }[],
  extract: (raw: string) => Extracted,
  catalogue?: CatalogueInput,
): Promise<RunResult & { reports: Record<string, ScoreReport> }> {
  const perPlan: RunResult['perPlan'] = {};
  const reports: Record<string, ScoreReport> = {};
  const codes = catalogue ? new Set(catalogue.indicators.map((i) => i.code)) : new Set<string>();
  for (const { gold, raw } of sets) {
    const t0 = performance.now();
    const extracted = extract(raw);
    const ms = Math.round(performance.now() - t0);
    const report = scoreExtraction(raw, gold, extracted, { catalogueIndicators: codes });
    if (report.unlocated.length > 0)
      throw new Error(`${gold.plan}: gold quotes not found in the text: ${report.unlocated.join(', ')}`);
    reports[gold.plan] = report;
    perPlan[gold.plan] = {
      targets: report.targets,
      tasks: report.tasks,
      curatedTargets: `${report.curatedTargetsFound}/${report.curatedTargets}`,
      ms,
    };
  }
  const all = Object.values(reports);
  const found = all.reduce((n, r) => n + r.curatedTargetsFound, 0);
  const total = all.reduce((n, r) => n + r.curatedTargets, 0);
  return {
    perPlan,
    overall: {
      targets: sumReports(all.map((r) => r.targets)),
      tasks: sumReports(all.map((r) => r.tasks)),
      curatedTargets: `${found}/${total}`,
    },
    reports,
  };
}

/** The naive baseline: a year and a number make a target; 牵头/负责 or 到20xx年 make a task. */
export function naiveExtract(raw: string): Extracted {
  const { text } = dedupeParagraphs(normaliseDocument(raw));
  const targets: Extracted['targets'][number][] = [];
  const tasks: Extracted['tasks'][number][] = [];
  let start = 0;
  for (const para of text.text.split('\n')) {
    for (const [a, b] of sentenceRanges(text.text, start, start + para.length)) {
      const s = text.text.slice(a, b);
      const year = /((?:19|20)\d\d)年/.exec(s);
      const num = [...s.matchAll(/\d+(?:\.\d+)?/g)].find(
        (m) => !/^(?:19|20)\d\d$/.test(m[0]) || s[m.index! + m[0].length] !== '年',
      );
      const span = originalRange(text, a, b);
      if (year && num) {
        const target: TargetCandidate['target'] = {
          year: Number(year[1]),
          yearFrom: 'sentence',
          comparator: 'at_least',
          value: num[0],
        };
        targets.push({
          id: `n${targets.length + 1}`,
          indicator: { name: s.slice(0, num.index!).slice(-8), mention: '', matchedBy: 'new' },
          target,
          quote: s,
          span,
          valueSpan: originalRange(text, a + num.index!, a + num.index! + num[0].length),
        });
      }
      if (/牵头|负责|到20\d\d年/.test(s)) {
        const k: Pick<TaskCandidate, 'id' | 'lead' | 'co' | 'span' | 'quote'> = {
          id: `m${tasks.length + 1}`,
          lead: [],
          co: [],
          span,
          quote: s,
        };
        tasks.push(k);
      }
    }
    start += para.length + 1;
  }
  return { targets, tasks };
}

function ratio(a: Fields, b: Fields): Record<string, number | null> {
  return Object.fromEntries(
    Object.keys(a).map((k) => [k, b[k]!.f1 === 0 ? null : Math.round((a[k]!.f1 / b[k]!.f1) * 100) / 100]),
  );
}

function f1Row(fields: Fields): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k} ${v.f1.toFixed(2)}`)
    .join(' · ');
}

export async function extraction() {
  const sets = await loadGoldSets();
  const full = await loadDatasetCatalogue();
  const base = await loadDatasetCatalogue({ only: ['base.yaml'] });
  const withFull = await scoreAll(sets, (raw) => extractCandidates(raw, { catalogue: full }), full);
  const withBase = await scoreAll(sets, (raw) => extractCandidates(raw, { catalogue: base }), base);
  const naive = await scoreAll(sets, naiveExtract);
  for (const [name, r] of [
    ['extractor (dataset catalogue)', withFull],
    ['extractor (base.yaml only)', withBase],
    ['naive baseline', naive],
  ] as const) {
    process.stdout.write(`${name}\n  targets: ${f1Row(r.overall.targets)}\n  tasks:   ${f1Row(r.overall.tasks)}\n`);
  }
  const strip = ({ perPlan, overall }: RunResult) => ({ perPlan, overall });
  const unseen = await extractionUnseen(base);
  const external = await extractionExternal(base);
  return {
    gold: Object.fromEntries(sets.map(({ gold }) => [gold.plan, { targets: gold.targets.length, tasks: gold.tasks.length }])),
    extractor: strip(withFull),
    extractorBaseCatalogue: strip(withBase),
    naiveBaseline: strip(naive),
    unseenDocuments: unseen,
    externalCheckSet: external,
    f1RatioToBaseline: {
      targets: ratio(withFull.overall.targets, naive.overall.targets),
      tasks: ratio(withFull.overall.tasks, naive.overall.tasks),
    },
  };
}
