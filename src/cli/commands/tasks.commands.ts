import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../errors/app-error.ts';
import { SYSTEM_ACTOR } from '../../services/actor.ts';
import { escalateNotices } from '../../services/tasks/notice.service.ts';
import { exportTaskSheet, importTaskSheet, type TaskImportResult } from '../../services/tasks/task-sheet.service.ts';
import { recordExport } from '../../services/export-audit.service.ts';
import { cliActor, cliOperator } from '../cli-actor.ts';
import { printJson, withDatabase } from '../context.ts';

/** plantrack tasks export | import | escalate — the task list in the customary Excel layout, and 督办 escalation. */
export function registerTasksCommands(program: Command): void {
  const tasks = program.command('tasks').description('Task lists and supervision / 任务清单与督办');

  tasks
    .command('export')
    .description('Write a plan’s task list as .xlsx (序号/任务/牵头单位/配合单位/完成时限) / 导出任务清单')
    .requiredOption('--plan <id>', 'plan id, e.g. yunnan-pprd-2016')
    .requiredOption('--out <file.xlsx>', 'where to write it')
    .action((opts: { plan: string; out: string }) =>
      withDatabase(async (database) => {
        const file = await exportTaskSheet(database, SYSTEM_ACTOR, opts.plan);
        await writeFile(opts.out, file.bytes);
        await recordExport(database, cliOperator(), { what: 'task_list', scope: opts.plan, format: 'xlsx' });
        process.stdout.write(`task list written / 任务清单已导出: ${opts.out}\n`);
      }),
    );

  tasks
    .command('import')
    .description('Import a task list (.xlsx) into a plan, all or nothing / 导入任务清单（全部成功或全部不写入）')
    .argument('<file>', '.xlsx in the customary layout')
    .requiredOption('--plan <id>', 'plan id')
    .option('--dry-run', 'preview what would change, write nothing')
    .option('--keep-unmatched', 'keep unit names that match no org unit as text on the tasks')
    .option('--json', 'print the full result as JSON')
    .option('--token <token>', 'act with this API token instead of PLANTRACK_TOKEN')
    .action(
      async (file: string, opts: { plan: string; dryRun?: boolean; keepUnmatched?: boolean; json?: boolean; token?: string }) => {
        const result = await withDatabase(async (database, config) => {
          const actor = opts.dryRun
            ? SYSTEM_ACTOR
            : await cliActor(database, config, { action: 'define_plans', plan: opts.plan }, opts.token);
          try {
            return await importTaskSheet(database, actor, opts.plan, await readFile(file), {
              dryRun: opts.dryRun ?? false,
              keepUnmatched: opts.keepUnmatched ?? false,
            });
          } catch (err) {
            // A rejected import carries its full result: print the list of problems, then fail.
            if (err instanceof AppError && err.details && typeof err.details === 'object' && 'rows' in err.details) {
              printResult(err.details as TaskImportResult, opts.json ?? false);
              throw new Error(`${err.messageZh}\n${err.message}`);
            }
            throw err;
          }
        });
        printResult(result, opts.json ?? false);
        if (result.problems.length > 0 || (result.unmatched.some((u) => !u.alreadyKept) && !opts.keepUnmatched))
          process.exitCode = 1;
      },
    );

  tasks
    .command('escalate')
    .description('Escalate 督办 notices unreplied past their date (as the daily job does) / 督办单逾期升级')
    .option('--today <date>', 'judge as of this day (YYYY-MM-DD)')
    .action((opts: { today?: string }) =>
      withDatabase(async (database) => {
        printJson(await escalateNotices(database, opts.today));
      }),
    );
}

function printResult(r: TaskImportResult, json: boolean): void {
  if (json) return printJson(r);
  for (const p of r.problems) process.stderr.write(`  ${p.messageZh} / ${p.message}\n`);
  if (r.unmatched.length) {
    process.stderr.write('未匹配的单位名称 / unit names matching no org unit:\n');
    for (const u of r.unmatched) process.stderr.write(`  ${u.messageZh} / ${u.message}\n`);
  }
  const c = r.counts;
  const verb = r.committed ? '已导入 imported' : r.dryRun ? '预览 preview' : '未写入 nothing written';
  process.stdout.write(
    `${verb}: ${r.rows.length} rows · 新增 create ${c.create} · 修改 update ${c.update} · 未变 unchanged ${c.unchanged} · 文件未含 not in file ${c.notInFile}\n`,
  );
}
