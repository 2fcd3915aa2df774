import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadDefinitionFile } from '../../dataset/load-definition-files.ts';
import { writePlanTemplate } from '../../dataset/plan-workbook.ts';
import { formatDefinitionError } from '../../domain/plan-definition/definition-error.ts';
import { importDefinitions } from '../../services/plan-import.service.ts';
import { cliActor } from '../cli-actor.ts';
import { withDatabase } from '../context.ts';

export function registerImportPlan(program: Command): void {
  program
    .command('import-plan')
    .description('Import a plan definition (.yaml, .json or .xlsx); all or nothing / 导入规划定义（全部成功或全部不写入）')
    .argument('[file]', 'plan definition file')
    .option('--replace', 'replace the plan if it already exists')
    .option('--token <token>', 'act with this API token instead of PLANTRACK_TOKEN')
    .option('--template <out.xlsx>', 'write an empty .xlsx template instead of importing')
    .action(async (file: string | undefined, opts: { replace?: boolean; template?: string; token?: string }) => {
      if (opts.template) {
        await writeFile(opts.template, await writePlanTemplate());
        process.stdout.write(`template written / 模板已生成: ${opts.template}\n`);
        return;
      }
      if (!file) throw new Error('give a file to import, or --template OUT.xlsx / 请指定要导入的文件');
      const read = await loadDefinitionFile(file);
      const result =
        read.errors.length > 0
          ? { ok: false as const, errors: read.errors }
          : await withDatabase(async (database, config) => {
              const plan = read.files[0]?.definition.plan?.id;
              const actor = await cliActor(database, config, { action: 'define_plans', plan }, opts.token);
              return importDefinitions(database, read.files, { replace: opts.replace, actor });
            });
      if (!result.ok) {
        process.stderr.write(
          `导入被拒绝，未写入任何数据 / import rejected, nothing was written — ${result.errors.length} error(s):\n`,
        );
        for (const e of result.errors) process.stderr.write(`  ${formatDefinitionError(e)}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`imported / 已导入: ${JSON.stringify(result.counts)}\n`);
    });
}
