import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { checkSchemeReferences, staleDecisionItems, zodProblems } from '../domain/evaluation/check-scheme.ts';
import {
  normaliseDefinitionText,
  storedSchemeSchema,
  type StoredSchemeInput,
} from '../domain/evaluation/stored-scheme.schema.ts';
import type { DefinitionBundleFile } from '../domain/plan-definition/check-references.ts';
import type { DefinitionError } from '../domain/plan-definition/definition-error.ts';
import { compactForMatch } from '../domain/text/normalise.ts';

export interface BuiltinScheme {
  file: string;
  /** The stored form (input, defaults not filled in), text NFKC-normalised. */
  definition: StoredSchemeInput;
}

/** Reads and validates every dataset/evaluation-schemes/*.yaml; errors name the file and field. */
export async function loadEvaluationSchemes(dir: string): Promise<{ schemes: BuiltinScheme[]; errors: DefinitionError[] }> {
  const schemesDir = path.join(dir, 'evaluation-schemes');
  const files = (await readdir(schemesDir).catch(() => [] as string[])).filter((f) => /\.ya?ml$/.test(f)).sort();
  const schemes: BuiltinScheme[] = [];
  const errors: DefinitionError[] = [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = normaliseDefinitionText(parse(await readFile(path.join(schemesDir, file), 'utf8')));
    } catch (e) {
      errors.push({ file, field: '(file)', message: `not valid YAML: ${(e as Error).message}`, messageZh: 'YAML 格式错误' });
      continue;
    }
    const parsed = storedSchemeSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...zodProblems(parsed.error).map((p) => ({ file, ...p })));
      continue;
    }
    if (`${parsed.data.code}.yaml` !== file && `${parsed.data.code}.yml` !== file)
      errors.push({ file, field: 'code', message: 'the file must be named <code>.yaml', messageZh: '文件名须为 <方案代码>.yaml' });
    schemes.push({ file, definition: raw as StoredSchemeInput });
  }
  return { schemes, errors };
}

/**
 * The built-in schemes checked against the loaded dataset: indicator codes in the catalogue, kinds and
 * groups that exist, and every cited quote found in dataset/sources/<plan>.txt (white space ignored).
 */
export async function checkEvaluationSchemes(dir: string, files: readonly DefinitionBundleFile[]): Promise<DefinitionError[]> {
  const { schemes, errors } = await loadEvaluationSchemes(dir);
  const defs = files.map((f) => f.definition);
  const sources = new Map<string, string>();
  for (const f of files) if (f.definition.plan && f.sourceText !== undefined) sources.set(f.definition.plan.id, compactForMatch(f.sourceText));
  const catalogue = {
    indicators: new Set(defs.flatMap((d) => d.indicators.map((i) => i.code))),
    orgGroups: new Set(defs.flatMap((d) => d.groups.map((g) => g.code))),
    unitKinds: new Set(defs.flatMap((d) => d.orgUnits.map((u) => u.kind))),
    units: new Set(defs.flatMap((d) => d.orgUnits.map((u) => u.code))),
    plans: new Set(sources.keys()),
    quoteFound: (plan: string, quote: string) => sources.get(plan)?.includes(compactForMatch(quote)) ?? false,
  };
  for (const s of schemes) {
    const scheme = storedSchemeSchema.parse(s.definition);
    errors.push(...[...checkSchemeReferences(scheme, catalogue), ...staleDecisionItems(scheme)].map((p) => ({ file: s.file, ...p })));
  }
  return errors;
}
