import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DefinitionError } from '../domain/plan-definition/definition-error.ts';
import { parsePlanFile } from '../domain/plan-definition/parse-plan-file.ts';
import type { DefinitionBundleFile } from '../domain/plan-definition/check-references.ts';
import type { PlanFile } from '../domain/plan-definition/plan-file.schema.ts';
import { normaliseText } from '../domain/text/normalise.ts';
import { DATASET_DIR } from './dataset-path.ts';
import { readPlanWorkbook } from './plan-workbook.ts';

export interface LoadedDefinitions {
  files: DefinitionBundleFile[];
  errors: DefinitionError[];
}

/** Pairs a parsed definition with the plan source text it names, looked up in sourceDirs. */
async function withSource(name: string, definition: PlanFile, sourceDirs: readonly string[]): Promise<LoadedDefinitions> {
  const sourceFile = definition.plan?.sourceFile;
  const bundle: DefinitionBundleFile = { name, definition };
  if (sourceFile === undefined) return { files: [bundle], errors: [] };
  for (const dir of sourceDirs) {
    const raw = await readFile(path.resolve(dir, sourceFile), 'utf8').catch(() => undefined);
    if (raw === undefined) continue;
    bundle.sourceText = normaliseText(raw);
    bundle.rawSource = { fileName: sourceFile, text: raw };
    return { files: [bundle], errors: [] };
  }
  return {
    files: [],
    errors: [{ file: name, field: 'plan.sourceFile', message: `source text ${sourceFile} not found`, messageZh: `找不到规划原文文件 ${sourceFile}` }],
  };
}

/**
 * Reads one plan definition: .yaml/.yml/.json or .xlsx. The plan's source text is looked up
 * beside the file and in the dataset's sources folder.
 */
export async function loadDefinitionFile(file: string, sourceDirs: readonly string[] = []): Promise<LoadedDefinitions> {
  const name = path.basename(file);
  const dirs = [...sourceDirs, path.dirname(file), path.join(DATASET_DIR, 'sources')];
  const content = await readFile(file).catch((err: Error) => err);
  if (content instanceof Error) {
    return { files: [], errors: [{ file: name, field: '(file)', message: `cannot read file: ${content.message}`, messageZh: '无法读取文件' }] };
  }
  const parsed = /\.xlsx$/i.test(file)
    ? await readPlanWorkbook(content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer, name)
    : parsePlanFile(content.toString('utf8'), name);
  if (!parsed.ok) return { files: [], errors: parsed.errors };
  return withSource(name, parsed.value, dirs);
}

/** Definition files in a folder of the dataset, sorted; none when the folder is absent. */
async function definitionFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => path.join(folder, f));
}

/**
 * The curated dataset: base.yaml first, then the vendored administrative divisions (divisions/, the
 * counties under base.yaml's prefectures), then every plan file; sources under sources/.
 */
export async function loadDatasetDir(dir: string): Promise<LoadedDefinitions> {
  const paths = [
    path.join(dir, 'base.yaml'),
    ...(await definitionFiles(path.join(dir, 'divisions'))),
    ...(await definitionFiles(path.join(dir, 'plans'))),
  ];
  const results = await Promise.all(paths.map((p) => loadDefinitionFile(p, [path.join(dir, 'sources')])));
  return { files: results.flatMap((r) => r.files), errors: results.flatMap((r) => r.errors) };
}
