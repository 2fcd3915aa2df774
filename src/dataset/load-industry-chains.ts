import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { chainTaxonomySchema, type ChainTaxonomy } from '../domain/industry-map/chain-taxonomy.schema.ts';
import { classifyIndustries, indexLabels } from '../domain/industry-map/classify-industries.ts';
import type { DefinitionBundleFile } from '../domain/plan-definition/check-references.ts';
import type { DefinitionError } from '../domain/plan-definition/definition-error.ts';
import { compactForMatch } from '../domain/text/normalise.ts';

export const INDUSTRY_CHAINS_FILE = 'industry-map/chains.yaml';

/** Reads dataset/industry-map/chains.yaml; errors name the file and field. */
export async function loadIndustryChains(
  datasetDir: string,
): Promise<{ taxonomy: ChainTaxonomy; errors: [] } | { taxonomy: null; errors: DefinitionError[] }> {
  const file = INDUSTRY_CHAINS_FILE;
  let raw: unknown;
  try {
    raw = parse(await readFile(path.join(datasetDir, file), 'utf8'));
  } catch (e) {
    return {
      taxonomy: null,
      errors: [{ file, field: '(file)', message: `cannot read: ${(e as Error).message}`, messageZh: '无法读取产业链分类文件' }],
    };
  }
  const parsed = chainTaxonomySchema.safeParse(raw);
  if (parsed.success) return { taxonomy: parsed.data, errors: [] };
  return {
    taxonomy: null,
    errors: parsed.error.issues.map((issue) => ({
      file,
      field: issue.path.join('.') || '(file)',
      message: issue.message,
      messageZh: `产业链分类无效：${issue.message}`,
    })),
  };
}

/**
 * The taxonomy checked against the plans (for check-dataset): every quote verbatim in its plan's text,
 * and every leading industry a zone is given named by some industry or chain.
 */
export async function checkIndustryChains(datasetDir: string, files: readonly DefinitionBundleFile[]): Promise<DefinitionError[]> {
  const loaded = await loadIndustryChains(datasetDir);
  if (loaded.taxonomy === null) return loaded.errors;
  const t = loaded.taxonomy;
  const errors: DefinitionError[] = [];
  const texts = new Map(files.map((f) => [f.definition.plan?.id, compactForMatch(f.sourceText ?? '')]));
  const entries = [
    ...t.industries.map((e, i) => ({ e, field: `industries.${i}.source.quote` })),
    ...t.chains.map((e, i) => ({ e, field: `chains.${i}.source.quote` })),
  ];
  for (const { e, field } of entries) {
    const text = texts.get(e.source.plan);
    if (!text || !text.includes(compactForMatch(e.source.quote)))
      errors.push({
        file: INDUSTRY_CHAINS_FILE,
        field,
        message: `${e.code}: quote not found in the text of ${e.source.plan}`,
        messageZh: `${e.code}：引文不在规划 ${e.source.plan} 原文中`,
      });
  }
  const index = indexLabels(t);
  for (const f of files)
    for (const u of f.definition.orgUnits) {
      const { unmatched } = classifyIndustries(u.zone?.leadingIndustries ?? [], index);
      if (unmatched.length > 0)
        errors.push({
          file: f.name,
          field: `orgUnits.${u.code}.zone.leadingIndustries`,
          message: `not in the industry-chain taxonomy (${INDUSTRY_CHAINS_FILE}): ${unmatched.join(', ')}`,
          messageZh: `主导产业未列入产业链分类（${INDUSTRY_CHAINS_FILE}）：${unmatched.join('、')}`,
        });
    }
  return errors;
}
