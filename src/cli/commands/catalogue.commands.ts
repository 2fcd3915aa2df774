import type { Command } from 'commander';
import { queryOrgUnits } from '../../services/catalogue-query.service.ts';
import { queryPlans } from '../../services/plan-query.service.ts';
import { queryTargets } from '../../services/target-query.service.ts';
import { getPlan } from '../../services/plan-query.service.ts';
import { MAX_LIMIT } from '../../presenters/page.schema.ts';
import type { TargetResponse } from '../../presenters/target.presenter.ts';
import { printJson, printTable, withDatabase } from '../context.ts';
import { targetText } from '../../domain/model/target-text.ts';

const ALL = { limit: MAX_LIMIT, offset: 0 };

export function registerCatalogueCommands(program: Command): void {
  program
    .command('plans')
    .description('List plans / 列出规划')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const { items } = await queryPlans(db, ALL);
        if (opts.json) return printJson(items);
        printTable(
          ['ID', '规划 Title', '期限 Period', '目标 Targets', '任务 Tasks'],
          items.map((p) => [p.id, p.title, `${p.periodStart}–${p.periodEnd}`, p.counts.targets, p.counts.tasks]),
        );
      }),
    );

  program
    .command('org-units')
    .description('List organisation units / 列出组织单位')
    .option('--kind <kind>', 'province, prefecture, department, development_zone, ftz_area, …')
    .option('--parent <code>', 'children of this unit')
    .option('--json', 'print JSON')
    .action((opts: { kind?: string; parent?: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const { items } = await queryOrgUnits(db, { kind: opts.kind, parent: opts.parent }, ALL);
        if (opts.json) return printJson(items);
        printTable(
          ['代码 Code', '名称 Name', '类型 Kind', '上级 Parent', '级别 Level'],
          items.map((u) => [u.code, u.name, u.kind, u.parent, u.zone?.level ?? null]),
        );
      }),
    );

  program
    .command('targets')
    .description('List the targets of a plan / 列出规划目标')
    .requiredOption('--plan <id>', 'plan ID, e.g. yunnan-ftz-2021-2025')
    .option('--json', 'print JSON')
    .action((opts: { plan: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        await getPlan(db, opts.plan);
        const items: TargetResponse[] = [];
        for (let offset = 0; ; offset += MAX_LIMIT) {
          const page = await queryTargets(db, { plan: opts.plan }, { limit: MAX_LIMIT, offset });
          items.push(...page.items);
          if (items.length >= page.total) break;
        }
        if (opts.json) return printJson(items);
        printTable(
          ['指标 Indicator', '范围 Scope', '基期 Baseline', '目标 Target', '单位 Unit'],
          items.map((t) => [
            t.indicator.name,
            t.orgUnit?.name ?? t.group?.name ?? '',
            t.baseline ? `${t.baseline.year}: ${t.baseline.value}` : '',
            `${t.target.year}: ${targetText(t.target)}`,
            t.indicator.unit,
          ]),
        );
      }),
    );
}
