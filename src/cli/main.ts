import { Command } from 'commander';
import { registerCheckDataset } from './commands/check-dataset.command.ts';

const program = new Command('plantrack').description('PlanTrack 规划实施监测评估平台');
registerCheckDataset(program);

await program.parseAsync(process.argv);
