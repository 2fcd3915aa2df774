import type { Command } from 'commander';
import { clearDemoData, DEMO_FROM, DEMO_SEED, DEMO_TO, loadDemoData } from '../../services/reporting/demo-data.service.ts';
import { syncDatasetForms } from '../../services/reporting/form-sync.service.ts';
import { clearDemoProjects, loadDemoProjects } from '../../services/projects/demo-projects.service.ts';
import { cliActor } from '../cli-actor.ts';
import { printJson, withDatabase } from '../context.ts';

export function registerDemoData(program: Command): void {
  program
    .command('demo-data')
    .description(
      'Fill the reporting forms with synthetic demo figures (origin synthetic), or remove them / 生成或清除演示数据（合成）',
    )
    .option('--clear', 'remove every synthetic figure (plan and reported figures are kept)')
    .option('--seed <n>', 'seed of the generator (the same seed gives the same figures)', String(DEMO_SEED))
    .option('--from <month>', 'first month', DEMO_FROM)
    .option('--to <month>', 'last month', DEMO_TO)
    .option('--token <token>', 'act with this API token instead of PLANTRACK_TOKEN')
    .action((opts: { clear?: boolean; seed: string; from: string; to: string; token?: string }) =>
      withDatabase(async (database, config) => {
        const seed = Number(opts.seed);
        if (!Number.isInteger(seed)) throw new Error(`--seed 必须是整数 / must be an integer: ${opts.seed}`);
        const actor = await cliActor(database, config, { action: 'define_plans' }, opts.token);
        if (opts.clear) {
          const projects = (await clearDemoProjects(database, actor)).projects;
          printJson({ cleared: (await clearDemoData(database, actor)).rows, projects });
          return;
        }
        if (config.seedOnStart) await syncDatasetForms(database);
        const result = await loadDemoData(database, { seed, from: opts.from, to: opts.to, actor });
        // The synthetic demo projects (三张作战图, one cross-zone transfer) come with the figures.
        await loadDemoProjects(database, { actor });
        if (!result.loaded)
          process.stderr.write(
            `已有 ${result.rows} 条演示数据，未重新生成；先运行 demo-data --clear。\n` +
              `${result.rows} synthetic figures are already there; nothing generated (run demo-data --clear first).\n`,
          );
        printJson(result);
      }),
    );
}
