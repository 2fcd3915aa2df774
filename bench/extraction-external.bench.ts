/**
 * Extraction quality on the external check set of issue 17 (test/extraction/external): real annual
 * plans, 分工方案 and share-heavy action plans found outside the repository, annotated by hand before
 * any rule was written for them. Precision, recall and F1 of targets and tasks (detection and each
 * field) per genre and overall, with base.yaml only, as the unseen-document bench does.
 * Standalone: node --import tsx bench/extraction-external.bench.ts
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogueInput } from '../src/domain/extraction/candidate.schema.ts';
import { extractCandidates } from '../src/domain/extraction/extract-candidates.ts';
import { goldSetSchema } from '../src/domain/extraction/gold.schema.ts';
import { scoreExtraction, sumReports, type PRF, type ScoreReport } from '../src/domain/extraction/score.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIR = path.join(ROOT, 'test/extraction/external');

/** The texts open with '# source:' / '# retrieved:' lines; they are provenance, not the document. */
export function dropProvenanceHeader(text: string): string {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith('# ')) i++;
  return lines.slice(i).join('\n');
}

export async function extractionExternal(catalogue: CatalogueInput) {
  const { documents } = JSON.parse(await readFile(path.join(DIR, 'manifest.json'), 'utf8')) as {
    documents: { id: string; genre: string }[];
  };
  const reports: { genre: string; report: ScoreReport }[] = [];
  for (const entry of documents) {
    const gold = goldSetSchema.parse(JSON.parse(await readFile(path.join(DIR, `${entry.id}.gold.json`), 'utf8')));
    const raw = dropProvenanceHeader(await readFile(path.join(ROOT, gold.source), 'utf8'));
    const report = scoreExtraction(raw, gold, extractCandidates(raw, { catalogue }));
    if (report.unlocated.length > 0) throw new Error(`${entry.id}: gold quotes not found: ${report.unlocated.join(', ')}`);
    reports.push({ genre: entry.genre, report });
  }
  const summary = (rs: typeof reports) => ({
    documents: rs.length,
    targets: sumReports(rs.map((r) => r.report.targets)),
    tasks: sumReports(rs.map((r) => r.report.tasks)),
  });
  const out: Record<string, ReturnType<typeof summary>> = { overall: summary(reports) };
  for (const genre of [...new Set(reports.map((r) => r.genre))].sort())
    out[genre] = summary(reports.filter((r) => r.genre === genre));
  const f = (p: PRF) => `P ${p.precision.toFixed(2)} R ${p.recall.toFixed(2)} F1 ${p.f1.toFixed(2)}`;
  for (const [genre, s] of Object.entries(out)) {
    const t = s.targets;
    process.stdout.write(
      `external ${genre}: targets ${f(t.target)} · tasks ${f(s.tasks.task)} · year ${t.targetYear.f1.toFixed(2)} value ${t.targetValue.f1.toFixed(2)} comparator ${t.comparator.f1.toFixed(2)} indicator ${t.indicator.f1.toFixed(2)} scope ${t.scope.f1.toFixed(2)} · lead ${s.tasks.lead.f1.toFixed(2)} co ${s.tasks.co.f1.toFixed(2)}\n`,
    );
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { loadDatasetCatalogue } = await import('../src/ingestion/dataset-catalogue.ts');
  await extractionExternal(await loadDatasetCatalogue({ only: ['base.yaml'] }));
}
