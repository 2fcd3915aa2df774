import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { DefinitionBundleFile } from '../domain/plan-definition/check-references.ts';
import type { DefinitionError } from '../domain/plan-definition/definition-error.ts';
import { publishedFiguresFileSchema } from '../domain/published/published-figure.schema.ts';
import {
  resolvePublishedFigures,
  type PublishedFigureCatalogue,
  type ResolvedPublishedFigure,
} from '../domain/published/resolve-published-figures.ts';

export const PUBLISHED_FIGURES_FILE = 'published/figures.yaml';

/** The catalogue the dataset's definition files declare (check-dataset runs before any database exists). */
export function catalogueOfFiles(files: readonly DefinitionBundleFile[]): PublishedFigureCatalogue {
  return {
    indicatorUnits: new Map(files.flatMap((f) => f.definition.indicators.map((i) => [i.code, i.unit] as const))),
    orgUnits: new Set(files.flatMap((f) => f.definition.orgUnits.map((u) => u.code))),
  };
}

/**
 * Reads dataset/published/figures.yaml and resolves it against a catalogue (indicator units and
 * org-unit codes). Values are quoted strings in the file, so no figure passes through a float.
 */
export async function loadPublishedFigures(
  datasetDir: string,
  catalogue: PublishedFigureCatalogue,
): Promise<{ figures: ResolvedPublishedFigure[]; errors: DefinitionError[] }> {
  const file = PUBLISHED_FIGURES_FILE;
  let raw: unknown;
  try {
    raw = parse(await readFile(path.join(datasetDir, file), 'utf8'));
  } catch (e) {
    return {
      figures: [],
      errors: [{ file, field: '(file)', message: `cannot read: ${(e as Error).message}`, messageZh: '无法读取公开数据文件' }],
    };
  }
  const parsed = publishedFiguresFileSchema.safeParse(raw);
  if (!parsed.success)
    return {
      figures: [],
      errors: parsed.error.issues.map((issue) => ({
        file,
        field: issue.path.join('.') || '(file)',
        message: issue.message,
        messageZh: `公开数据无效：${issue.message}`,
      })),
    };
  return resolvePublishedFigures(parsed.data, catalogue, file);
}
