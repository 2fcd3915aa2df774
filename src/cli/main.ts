import { Command } from 'commander';
import { registerCatalogueCommands } from './commands/catalogue.commands.ts';
import { registerCheckDataset } from './commands/check-dataset.command.ts';
import { registerImportPlan } from './commands/import-plan.command.ts';
import { registerServerCommands } from './commands/server.commands.ts';

const program = new Command('plantrack').description('PlanTrack 规划实施监测评估平台').showHelpAfterError();
registerServerCommands(program);
registerCatalogueCommands(program);
registerImportPlan(program);
registerCheckDataset(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
