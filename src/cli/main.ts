import { Command } from 'commander';
import { registerAuditCommands } from './commands/audit.commands.ts';
import { registerBackupCommands } from './commands/backup.commands.ts';
import { registerCatalogueCommands } from './commands/catalogue.commands.ts';
import { registerCheckDataset } from './commands/check-dataset.command.ts';
import { registerDemoData } from './commands/demo-data.command.ts';
import { registerExtract } from './commands/extract.command.ts';
import { registerGroupCommands } from './commands/groups.commands.ts';
import { registerUnitAliasCommands } from './commands/unit-aliases.commands.ts';
import { registerImportPlan } from './commands/import-plan.command.ts';
import { registerNotifyCommands } from './commands/notify.commands.ts';
import { registerProgressCommand } from './commands/progress.command.ts';
import { registerCoverageCommand } from './commands/coverage.command.ts';
import { registerEvaluateCommand } from './commands/evaluate.command.ts';
import { registerReportCommand } from './commands/report.command.ts';
import { registerReportingCommands } from './commands/reporting.commands.ts';
import { registerServerCommands } from './commands/server.commands.ts';
import { registerTasksCommands } from './commands/tasks.commands.ts';
import { registerUserCommands } from './commands/user.commands.ts';
import { registerReviseCommands } from './commands/revise.commands.ts';

const program = new Command('plantrack').description('PlanTrack 规划实施监测评估平台').showHelpAfterError();
registerServerCommands(program);
registerCatalogueCommands(program);
registerGroupCommands(program);
registerUnitAliasCommands(program);
registerImportPlan(program);
registerCheckDataset(program);
registerDemoData(program);
registerExtract(program);
registerUserCommands(program);
registerAuditCommands(program);
registerBackupCommands(program);
registerReportingCommands(program);
registerProgressCommand(program);
registerCoverageCommand(program);
registerEvaluateCommand(program);
registerReportCommand(program);
registerNotifyCommands(program);
registerTasksCommands(program);
registerReviseCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
