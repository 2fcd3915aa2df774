import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { DefinitionError } from '../domain/plan-definition/definition-error.ts';
import { reportFormSchema, type ReportForm } from '../domain/reporting/forms/form.schema.ts';

/** Reads and validates every dataset/forms/*.yaml; errors name the file and field. */
export async function loadFormFiles(dir: string): Promise<{ forms: { file: string; form: ReportForm }[]; errors: DefinitionError[] }> {
  const formsDir = path.join(dir, 'forms');
  const files = (await readdir(formsDir).catch(() => [] as string[])).filter((f) => /\.ya?ml$/.test(f)).sort();
  const forms: { file: string; form: ReportForm }[] = [];
  const errors: DefinitionError[] = [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = parse(await readFile(path.join(formsDir, file), 'utf8'));
    } catch (e) {
      errors.push({ file, field: '(file)', message: `not valid YAML: ${(e as Error).message}`, messageZh: 'YAML 格式错误' });
      continue;
    }
    const parsed = reportFormSchema.safeParse(raw);
    if (parsed.success) forms.push({ file, form: parsed.data });
    else
      for (const issue of parsed.error.issues)
        errors.push({ file, field: issue.path.join('.') || '(form)', message: issue.message, messageZh: `报表定义无效：${issue.message}` });
  }
  return { forms, errors };
}
