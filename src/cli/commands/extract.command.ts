import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { UnitRef } from '../../domain/extraction/candidate.schema.ts';
import { extractCandidates } from '../../domain/extraction/extract-candidates.ts';
import { loadDatasetCatalogue } from '../../ingestion/dataset-catalogue.ts';
import { readDocument } from '../../ingestion/read-document.ts';
import { printJson, printTable } from '../context.ts';
import { targetText } from '../../domain/model/target-text.ts';

/** `plantrack extract FILE [--json]`: candidates from a plan document, matched to the curated dataset's catalogue. */
export function registerExtract(program: Command): void {
  program
    .command('extract <file>')
    .description('Propose targets and tasks from a plan document (.txt, .docx, .pdf) / 从规划文件提取候选目标和任务')
    .option('--json', 'print JSON (every candidate with offsets, confidence and evidence)')
    .option('--catalogue <which>', 'dataset: every catalogue entry of the curated dataset; base: base.yaml only', 'dataset')
    .option('--scope <code>', 'org unit or group the plan is about (default: inferred from the text)')
    .action(async (file: string, opts: { json?: boolean; catalogue: string; scope?: string }) => {
      const data = await readFile(file);
      const text = await readDocument(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), path.basename(file));
      if (text.trim().length === 0) throw new Error(`${file}: no text (a scanned PDF?) / 文件中没有可读取的文字`);
      const catalogue = await loadDatasetCatalogue(opts.catalogue === 'base' ? { only: ['base.yaml'] } : {});
      const result = extractCandidates(text, { catalogue, ...(opts.scope ? { subject: opts.scope } : {}) });
      if (opts.json) return printJson(result);
      const p = result.plan;
      process.stdout.write(
        `${p.title ?? path.basename(file)} · ${p.periodStart ?? '?'}–${p.periodEnd ?? '?'} · ${p.defaultScope?.name ?? '—'} · ` +
          `${result.sections.length} sections · ${result.targets.length} targets · ${result.tasks.length} tasks · ` +
          `${result.stats.duplicateSentencesDropped} duplicate sentences dropped\n\n`,
      );
      printTable(
        ['ID', '置信 Conf', '指标 Indicator', '范围 Scope', '基期 Baseline', '目标 Target', '原文 Quote'],
        result.targets.map((t) => [
          t.id,
          t.confidence.toFixed(2),
          t.indicator.code ? `${t.indicator.code} ${t.indicator.name}` : `新 ${t.indicator.name}`,
          t.scope?.code ?? t.scope?.name ?? '',
          t.baseline ? `${t.baseline.year}: ${t.baseline.value}` : '',
          `${t.target.year}: ${targetText(t.target, '≈')}${t.unit && !/growth|change|share/.test(t.target.comparator) ? ` ${t.unit}` : ''}`,
          clip(t.quote, 30),
        ]),
      );
      process.stdout.write('\n');
      printTable(
        ['ID', '类型 Kind', '牵头 Lead', '配合 Co', '期限 Due', '任务 Task'],
        result.tasks.map((k) => [
          k.id,
          k.trigger,
          units(k.lead),
          units(k.co),
          k.deadline ?? k.recurrence ?? '',
          clip(k.text, 36),
        ]),
      );
    });
}

function units(list: readonly UnitRef[]): string {
  return clip(list.map((u) => u.code ?? `${u.name}?`).join(','), 40);
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, '');
  return one.length > n ? `${one.slice(0, n)}…` : one;
}
