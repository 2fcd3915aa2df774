import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../services/actor.ts';
import { planCoverage } from '../../services/progress/coverage.service.ts';
import { printJson, printTable, withDatabase } from '../context.ts';

const ORIGIN_ZH = { reported: '填报', published: '公开', plan: '规划', synthetic: '模拟' } as const;

/** `plantrack coverage`: every target of a plan with where its figure comes from and who owes it. */
export function registerCoverageCommand(program: Command): void {
  program
    .command('coverage')
    .description('Data path of every target of a plan / 规划目标数据来源覆盖')
    .requiredOption('--plan <id>', 'plan ID, e.g. yunnan-ftz-2021-2025')
    .option('--at <period>', 'as-of period for the last figure (default: last whole year)')
    .option('--json', 'print JSON (the same as GET /api/v1/coverage)')
    .action((opts: { plan: string; at?: string; json?: boolean }) =>
      withDatabase(async (database) => {
        const result = await planCoverage(database, { ...SYSTEM_ACTOR, via: 'cli', label: 'cli' }, opts);
        if (opts.json) return printJson(result);
        process.stdout.write(`${result.plan.title} 数据来源（最新数据截至${result.at}）\n`);
        printTable(
          ['目标', '指标', '对象', '数据来源', '报表', '责任单位', '最新数据', '缺少'],
          result.targets.map((t) => [
            t.key,
            t.indicator.name,
            t.subject.name,
            t.path ? t.path.labelZh + (t.path.inputs.length ? `（${t.path.inputs.join('、')}）` : '') : `无：${t.gap?.zh ?? ''}`,
            t.path?.forms.map((f) => f.name).join('；') ?? '',
            t.responsible.map((u) => u.name).join('、'),
            t.lastFigure
              ? `${t.lastFigure.year}年 ${t.lastFigure.value}${t.indicator.unit}（${ORIGIN_ZH[t.lastFigure.origin]}）`
              : '暂无',
            t.missing?.zh ?? '',
          ]),
        );
        const s = result.summary;
        process.stdout.write(
          `共${s.total}项，有数据来源${s.withPath}项（报表采集${s.byKind.form}，公式计算${s.byKind.derived}，规划办年度填报表${s.byKind.plan_office_sheet}），有数据${s.withFigure}项\n`,
        );
        if (s.withPath < s.total) process.exitCode = 1;
      }),
    );
}
