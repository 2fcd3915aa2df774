import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DefinitionError } from '../domain/plan-definition/definition-error.ts';
import { parsePlanFile } from '../domain/plan-definition/parse-plan-file.ts';
import type { DefinitionBundleFile } from '../domain/plan-definition/check-references.ts';
import { normaliseText } from '../domain/text/normalise.ts';

export interface LoadedDefinitions {
  files: DefinitionBundleFile[];
  errors: DefinitionError[];
}

/** Reads one YAML/JSON definition file and the plan source text it names (looked up in sourceDirs). */
export async function loadDefinitionFile(file: string, sourceDirs: readonly string[]): Promise<LoadedDefinitions> {
  const name = path.basename(file);
  const parsed = parsePlanFile(await readFile(file, 'utf8'), name);
  if (!parsed.ok) return { files: [], errors: parsed.errors };
  const sourceFile = parsed.value.plan?.sourceFile;
  let sourceText: string | undefined;
  if (sourceFile !== undefined) {
    for (const dir of sourceDirs) {
      const candidate = path.resolve(dir, sourceFile);
      sourceText = await readFile(candidate, 'utf8').then(normaliseText, () => undefined);
      if (sourceText !== undefined) break;
    }
    if (sourceText === undefined) {
      return {
        files: [],
        errors: [
          {
            file: name,
            field: 'plan.sourceFile',
            message: `source text ${sourceFile} not found`,
            messageZh: `找不到规划原文文件 ${sourceFile}`,
          },
        ],
      };
    }
  }
  return { files: [{ name, definition: parsed.value, sourceText }], errors: [] };
}

/** The curated dataset: base.yaml first, then every plan file, sources under sources/. */
export async function loadDatasetDir(dir: string): Promise<LoadedDefinitions> {
  const plansDir = path.join(dir, 'plans');
  const planFiles = (await readdir(plansDir)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  const paths = [path.join(dir, 'base.yaml'), ...planFiles.map((f) => path.join(plansDir, f))];
  const results = await Promise.all(paths.map((p) => loadDefinitionFile(p, [path.join(dir, 'sources')])));
  return { files: results.flatMap((r) => r.files), errors: results.flatMap((r) => r.errors) };
}
