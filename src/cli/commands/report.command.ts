import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { PROGRESS_METHODS, type ProgressMethod } from '../../domain/progress/method-class.ts';
import { SYSTEM_ACTOR } from '../../services/actor.ts';
import { monitoringReport, type MonitoringReportFormat } from '../../services/reports/monitoring-report.service.ts';
import { recordExport } from '../../services/export-audit.service.ts';
import { cliOperator } from '../cli-actor.ts';
import { withDatabase } from '../context.ts';

export function registerReportCommand(program: Command): void {
  const report = program.command('report').description('Generate reports / 生成报告');
  report
    .command('monitoring')
    .description('Monitoring brief of a plan as of a period (.docx), or its tables (.xlsx) / 规划实施监测报告')
    .requiredOption('--plan <id>', 'plan id, e.g. yunnan-ftz-2021-2025')
    .requiredOption('--period <period>', 'as-of period: 2024, 2024Q2 or 2024-06')
    .option('--format <format>', 'docx or xlsx', 'docx')
    .option('--method <method>', `progress method: ${PROGRESS_METHODS.join(', ')} (default: the plan's)`)
    .option('--out <file>', 'where to write it (default: the report name in the current directory)')
    .action((opts: { plan: string; period: string; format: string; method?: string; out?: string }) =>
      withDatabase(async (database) => {
        if (opts.format !== 'docx' && opts.format !== 'xlsx')
          throw new Error(`--format 只能是 docx 或 xlsx / --format must be docx or xlsx, not "${opts.format}"`);
        if (opts.method !== undefined && !(PROGRESS_METHODS as readonly string[]).includes(opts.method))
          throw new Error(
            `--method 只能是 ${PROGRESS_METHODS.join('、')} / --method must be one of ${PROGRESS_METHODS.join(', ')}`,
          );
        const file = await monitoringReport(
          database,
          { ...SYSTEM_ACTOR, via: 'cli', label: 'cli' },
          {
            plan: opts.plan,
            at: opts.period,
            format: opts.format as MonitoringReportFormat,
            method: opts.method as ProgressMethod | undefined,
          },
        );
        const out = opts.out ?? file.fileName;
        await writeFile(out, file.body);
        await recordExport(database, cliOperator(), {
          what: 'monitoring_report',
          scope: `${opts.plan}/${opts.period}`,
          format: opts.format,
          details: { method: opts.method },
        });
        process.stdout.write(`监测报告已生成 / monitoring report written: ${out}\n`);
      }),
    );
}
