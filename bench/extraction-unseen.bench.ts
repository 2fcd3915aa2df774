/**
 * Extraction quality on the unseen-document gold set (test/gold/unseen, docs/extraction-gold-guide.md):
 * precision, recall and F1 of targets and tasks (detection and each field) per genre and overall,
 * on the development half and on the held-out half separately. The extractor gets base.yaml only:
 * these are plans of units the platform does not know.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogueInput } from '../src/domain/extraction/candidate.schema.ts';
import { extractCandidates } from '../src/domain/extraction/extract-candidates.ts';
import { goldSetSchema } from '../src/domain/extraction/gold.schema.ts';
import { scoreExtraction, sumReports, type PRF, type ScoreReport } from '../src/domain/extraction/score.ts';

const DIR = path.resolve(import.meta.dirname, '..', 'test/gold/unseen');
interface Entry {
  id: string;
  genre: string;
  split: 'dev' | 'heldout';
}

export async function extractionUnseen(catalogue: CatalogueInput) {
  const { documents } = JSON.parse(await readFile(path.join(DIR, 'manifest.json'), 'utf8')) as { documents: Entry[] };
  const reports: { entry: Entry; report: ScoreReport }[] = [];
  for (const entry of documents) {
    const gold = goldSetSchema.parse(JSON.parse(await readFile(path.join(DIR, `${entry.id}.gold.json`), 'utf8')));
    const raw = await readFile(path.resolve(DIR, '../../..', gold.source), 'utf8');
    const report = scoreExtraction(raw, gold, extractCandidates(raw, { catalogue }));
    if (report.unlocated.length > 0) throw new Error(`${entry.id}: gold quotes not found: ${report.unlocated.join(', ')}`);
    reports.push({ entry, report });
  }
  const summary = (rs: typeof reports) => ({
    documents: rs.length,
    targets: sumReports(rs.map((r) => r.report.targets)),
    tasks: sumReports(rs.map((r) => r.report.tasks)),
  });
  const out: Record<string, Record<string, ReturnType<typeof summary>>> = {};
  for (const split of ['dev', 'heldout'] as const) {
    const inSplit = reports.filter((r) => r.entry.split === split);
    out[split] = { overall: summary(inSplit) };
    for (const genre of [...new Set(inSplit.map((r) => r.entry.genre))].sort())
      out[split][genre] = summary(inSplit.filter((r) => r.entry.genre === genre));
  }
  const f = (p: PRF) => `P ${p.precision.toFixed(2)} R ${p.recall.toFixed(2)} F1 ${p.f1.toFixed(2)}`;
  for (const [split, genres] of Object.entries(out))
    for (const [genre, s] of Object.entries(genres))
      process.stdout.write(`unseen ${split} ${genre}: targets ${f(s.targets.target)} · tasks ${f(s.tasks.task)}\n`);
  return out;
}
