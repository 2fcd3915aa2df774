import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../services/actor.ts';
import { formCompleteness } from '../../services/reporting/completeness.service.ts';
import { importValues, type ImportResult } from '../../services/reporting/import/import.service.ts';
import { fileSource } from '../../services/reporting/import/upload-source.ts';
import { formTemplate } from '../../services/reporting/template.service.ts';
import { recordExport } from '../../services/export-audit.service.ts';
import { cliActor, cliOperator } from '../cli-actor.ts';
import { printJson, printTable, withDatabase } from '../context.ts';

export function registerReportingCommands(program: Command): void {
  program
    .command('import-data')
    .description('Import reported figures from an .xlsx or CSV file, all or nothing / 导入填报数据（全部成功或全部不写入）')
    .argument('<file>', '.xlsx or .csv file (UTF-8 or GB18030)')
    .requiredOption('--form <code>', 'reporting form, e.g. DEV_ZONE_MONTHLY')
    .option('--period <period>', 'period when the file does not state one, e.g. 2026-09')
    .option('--dry-run', 'preview what would change, write nothing')
    .option('--json', 'print the full result as JSON')
    .option('--token <token>', 'act with this API token instead of PLANTRACK_TOKEN')
    .action(async (file: string, opts: { form: string; period?: string; dryRun?: boolean; json?: boolean; token?: string }) => {
      const result = await withDatabase(async (database, config) => {
        const actor = await cliActor(database, config, { action: 'report' }, opts.token);
        const source = await fileSource(file);
        return importValues(database, actor, {
          form: opts.form,
          fileName: file,
          format: source.format,
          period: opts.period ?? null,
          dryRun: opts.dryRun ?? false,
          rows: source.rows,
          sha256: source.sha256,
        });
      });
      if (opts.json) printJson(result);
      else printImport(result);
      if (result.problemsTotal > 0) process.exitCode = 1;
    });

  program
    .command('template')
    .description('Write an .xlsx template pre-filled for a form, period and units / 生成填报模板')
    .requiredOption('--form <code>', 'reporting form')
    .requiredOption('--period <period>', 'e.g. 2026-09, 2026Q3, 2025')
    .option('--units <codes>', 'comma-separated unit codes (default: every reporter of the form)')
    .requiredOption('--out <file.xlsx>', 'where to write it')
    .action((opts: { form: string; period: string; units?: string; out: string }) =>
      withDatabase(async (database) => {
        const units = opts.units ? opts.units.split(',').map((u) => u.trim()) : null;
        const file = await formTemplate(database, SYSTEM_ACTOR, opts.form, opts.period, units);
        await writeFile(opts.out, file.body);
        await recordExport(database, cliOperator(), {
          what: 'form_template',
          scope: `${opts.form}/${opts.period}`,
          format: 'xlsx',
          details: { units: opts.units ?? null },
        });
        process.stdout.write(`template written / 模板已生成: ${opts.out}\n`);
      }),
    );

  program
    .command('completeness')
    .description('Who submitted a form on time, late or not at all / 报送完整性与及时性')
    .requiredOption('--form <code>', 'reporting form')
    .requiredOption('--period <period>', 'e.g. 2026-09')
    .option('--json', 'print JSON')
    .action((opts: { form: string; period: string; json?: boolean }) =>
      withDatabase(async (database) => {
        const c = await formCompleteness(database, SYSTEM_ACTOR, opts.form, opts.period);
        if (opts.json) return printJson(c);
        const s = c.summary;
        process.stdout.write(
          `${c.form.name} ${c.period} 截止 due ${c.dueDate}: ${s.completeness}% 已报 submitted · 按时 on time ${s.onTime} · 迟报 late ${s.late} · 逾期 overdue ${s.overdue} · 未到期 pending ${s.pending} · 已审核 approved ${s.approved}\n`,
        );
        printTable(
          ['代码 Code', '单位 Unit', '状态 Status', '及时性 Timeliness', '提交 Submitted'],
          c.units.map((u) => [
            u.orgUnit.code,
            u.orgUnit.name,
            u.status ?? '—',
            u.timeliness,
            u.submittedAt?.slice(0, 16) ?? null,
          ]),
        );
      }),
    );
}

function printImport(r: ImportResult): void {
  const c = r.counts;
  for (const p of r.problems)
    process.stderr.write(
      `  ${p.sheet}${p.row === null ? '' : ` 第${p.row}行 row ${p.row}`}${p.column ? ` ${p.column}列 col ${p.column}` : ''}${p.value === null ? '' : ` “${p.value}”`}: ${p.reasonZh} / ${p.reason}\n`,
    );
  if (r.problemsTotal > 0) {
    const more = r.problemsTotal > r.problems.length ? ` (first ${r.problems.length} shown)` : '';
    process.stderr.write(
      `导入被拒绝，未写入任何数据 / import rejected, nothing was written — ${r.problemsTotal} problem(s)${more}\n`,
    );
    return;
  }
  const verb = r.committed ? '已导入 imported' : r.dryRun ? '预览 preview' : '无变化 nothing to change';
  process.stdout.write(
    `${verb}: ${c.values} values · 新增 created ${c.created} · 修改 changed ${c.changed} · 未变 unchanged ${c.unchanged} · 不适用 n/a ${c.notApplicable} · 跳过合计行 total rows skipped ${c.skippedRows} · 报表 submissions ${c.submissions}${r.importId ? ` · import #${r.importId}` : ''}${r.duplicateOf ? ` · same file as import #${r.duplicateOf}` : ''}\n`,
  );
}
