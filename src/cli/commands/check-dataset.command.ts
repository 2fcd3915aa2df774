import type { Command } from 'commander';
import { DATASET_DIR } from '../../dataset/dataset-path.ts';
import { validateDataset } from '../../dataset/validate-dataset.ts';
import { formatDefinitionError } from '../../domain/plan-definition/definition-error.ts';

export function registerCheckDataset(program: Command): void {
  program
    .command('check-dataset')
    .description('Validate the curated dataset (schemas, references, quotes) / 校验内置数据集')
    .option('--dir <dir>', 'dataset folder', DATASET_DIR)
    .action(async (opts: { dir: string }) => {
      const { files, errors } = await validateDataset(opts.dir);
      for (const e of errors) console.error(formatDefinitionError(e));
      const count = (k: 'targets' | 'tasks' | 'orgUnits' | 'indicators' | 'actuals') =>
        files.reduce((n, f) => n + f.definition[k].length, 0);
      console.log(
        `${files.length} files · ${count('orgUnits')} org units · ${count('indicators')} indicators · ` +
          `${count('targets')} targets · ${count('tasks')} tasks · ${count('actuals')} actuals · ${errors.length} errors`,
      );
      if (errors.length > 0) process.exitCode = 1;
    });
}
