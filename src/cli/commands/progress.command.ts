import type { Command } from 'commander';
import { PROGRESS_METHODS, type ProgressMethod } from '../../domain/progress/method-class.ts';
import { SYSTEM_ACTOR } from '../../services/actor.ts';
import { planProgress } from '../../services/progress/plan-progress.service.ts';
import { printJson, printTable, withDatabase } from '../context.ts';

const pct = (x: number | null) => (x === null ? '' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

/** `plantrack progress`: every target of a plan judged as of a period (reading needs no token, like the other lists). */
export function registerProgressCommand(program: Command): void {
  program
    .command('progress')
    .description('Progress of every target of a plan / 规划目标进度监测')
    .requiredOption('--plan <id>', 'plan ID, e.g. yunnan-ftz-2021-2025')
    .requiredOption('--at <period>', 'as-of period: 2024, 2024Q2 or 2024-06')
    .option('--method <method>', `judging method: ${PROGRESS_METHODS.join(' | ')}`)
    .option('--json', 'print JSON (the same as GET /api/v1/progress)')
    .action((opts: { plan: string; at: string; method?: string; json?: boolean }) =>
      withDatabase(async (database) => {
        if (opts.method !== undefined && !(PROGRESS_METHODS as readonly string[]).includes(opts.method))
          throw new Error(`未知方法 / unknown method: ${opts.method} (${PROGRESS_METHODS.join(', ')})`);
        const result = await planProgress(
          database,
          { ...SYSTEM_ACTOR, via: 'cli', label: 'cli' },
          {
            plan: opts.plan,
            at: opts.at,
            method: opts.method as ProgressMethod | undefined,
          },
        );
        if (opts.json) return printJson(result);
        process.stdout.write(
          `${result.plan.title}（${result.plan.periodStart}–${result.plan.periodEnd}）截至${result.at}，时序进度${pct(result.timeElapsedShare)}，方法 ${result.method}\n`,
        );
        printTable(
          ['目标', '指标', '对象', '现值', '完成率', '需年均增长', '预测', '判定', '预警', '说明'],
          result.targets.map((t) => {
            const j = t.judgement;
            const synthetic = j.currentOrigin === 'synthetic' ? '（模拟）' : '';
            return [
              t.key,
              t.indicator.name,
              t.subject.name,
              j.current === null ? '' : `${j.current}${t.indicator.unit}${synthetic}`,
              pct(j.achievementRatio),
              pct(j.requiredAnnualGrowth),
              j.projection
                ? `${j.projection.year}: ${j.projection.value.toFixed(2)} [${j.projection.low.toFixed(2)}, ${j.projection.high.toFixed(2)}]`
                : '',
              j.classLabel.zh,
              { red: '红', yellow: '黄', green: '绿' }[t.warning.level],
              j.explanation.zh,
            ];
          }),
        );
        const s = result.summary;
        process.stdout.write(
          `共${s.total}项：提前实现${s.byClass.achieved_early}，快于预期${s.byClass.ahead}，基本符合预期${s.byClass.on_track}，滞后${s.byClass.behind}，数据不足${s.byClass.insufficient_data}；红${s.warnings.red} 黄${s.warnings.yellow} 绿${s.warnings.green}\n`,
        );
      }),
    );
}
