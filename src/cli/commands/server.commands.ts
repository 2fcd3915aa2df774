import type { Command } from 'commander';
import { loadConfig } from '../../config/env.ts';
import { formatDefinitionError } from '../../domain/plan-definition/definition-error.ts';
import { seedDataset } from '../../services/seed.service.ts';
import { startServer } from '../../server.ts';
import { cliActor } from '../cli-actor.ts';
import { withDatabase } from '../context.ts';
import { migrate } from '../../db/migrate.ts';
import { PGLITE_TEMPLATE_FILE } from '../../config/pglite-template-path.ts';
import { PROJECT_ROOT } from '../../config/project-root.ts';
import { writePgliteTemplate } from '../../services/pglite-template.service.ts';
import path from 'node:path';

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('Start the platform (migrates and, on an empty database, loads the five plans) / 启动平台')
    .action(async () => {
      const server = await startServer(loadConfig());
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      process.stdout.write(`PlanTrack 已启动 / listening on ${server.url} (${server.database.kind})\n`);
    });

  program
    .command('migrate')
    .description('Apply pending migrations / 执行数据库迁移')
    .action(() =>
      withDatabase(async (database) => {
        const applied = await migrate(database);
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'up to date / 已是最新\n');
      }),
    );

  program
    .command('seed')
    .description('(Re)load the curated dataset of the five plans / 重新载入五个规划的数据集')
    .option('--token <token>', 'act with this API token instead of PLANTRACK_TOKEN')
    .action((opts: { token?: string }) =>
      withDatabase(async (database, config) => {
        const actor = await cliActor(database, config, { action: 'define_plans' }, opts.token);
        const result = await seedDataset(database, undefined, actor);
        if (!result.ok) {
          for (const e of result.errors) process.stderr.write(`${formatDefinitionError(e)}\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write(`${JSON.stringify(result.counts)}\n`);
      }),
    );

  program
    .command('pglite-template')
    .description('Write the template new embedded data directories start from (npm run build does) / 生成内嵌数据库的新目录模板')
    .argument('[file]', 'where to write it', path.join(PROJECT_ROOT, PGLITE_TEMPLATE_FILE))
    .action(async (file: string) => {
      await writePgliteTemplate(file);
      process.stdout.write(`${file}\n`);
    });
}
