import type { Command } from 'commander';
import { targetPatchSchema, type TargetPatch } from '../../domain/plan-revision/target-revision.ts';
import { restorePlan, withdrawPlan } from '../../services/plans/plan-withdrawal.service.ts';
import { reviseTargetInPlace, targetRevisions } from '../../services/plans/target-revision.service.ts';
import { SYSTEM_ACTOR } from '../../services/actor.ts';
import { cliActor } from '../cli-actor.ts';
import { printJson, withDatabase } from '../context.ts';

interface ReviseOpts {
  plan: string;
  key: string;
  reason: string;
  baseline?: string;
  clearBaseline?: boolean;
  orgUnit?: string;
  group?: string;
  targetYear?: string;
  comparator?: string;
  value?: string;
  min?: string;
  max?: string;
  rate?: string;
  unit?: string;
  version?: string;
  token?: string;
  json?: boolean;
}

/** The patch the options describe (checked by the same schema as the API's body). */
export function patchFromOptions(o: ReviseOpts, currentVersion: number): TargetPatch {
  const target: Record<string, unknown> = {};
  if (o.targetYear !== undefined) target.year = Number(o.targetYear);
  for (const k of ['comparator', 'value', 'min', 'max', 'rate'] as const) if (o[k] !== undefined) target[k] = o[k];
  let baseline: { year: number; value: string } | null | undefined;
  if (o.clearBaseline) baseline = null;
  else if (o.baseline !== undefined) {
    const m = /^(\d{4})[:=](.+)$/.exec(o.baseline);
    if (!m) throw new Error(`--baseline 应写作 年份:数值，如 2020:846.3 / must look like YEAR:VALUE: ${o.baseline}`);
    baseline = { year: Number(m[1]), value: m[2]! };
  }
  const parsed = targetPatchSchema.safeParse({
    version: o.version === undefined ? currentVersion : Number(o.version),
    reason: o.reason,
    ...(baseline !== undefined ? { baseline } : {}),
    ...(o.orgUnit ? { orgUnit: o.orgUnit } : {}),
    ...(o.group ? { group: o.group } : {}),
    ...(Object.keys(target).length ? { target } : {}),
    ...(o.unit ? { unit: o.unit } : {}),
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

export function registerReviseCommands(program: Command): void {
  program
    .command('revise-target')
    .description('Correct a published target in place with a reason (an audited revision) / 修订已发布规划的目标')
    .requiredOption('--plan <id>', 'plan ID')
    .requiredOption('--key <key>', 'target key')
    .requiredOption('--reason <text>', '修订原因 (required)')
    .option('--baseline <year:value>', 'baseline, e.g. 2020:846.3')
    .option('--clear-baseline', 'remove the baseline')
    .option('--org-unit <code>', 'new scope: an org unit')
    .option('--group <code>', 'new scope: a group')
    .option('--target-year <year>', 'target year')
    .option('--comparator <c>', 'at_least, at_most, exactly, range, annual_growth, …')
    .option('--value <v>', 'target value')
    .option('--min <v>', 'range minimum')
    .option('--max <v>', 'range maximum')
    .option('--rate <v>', 'growth rate in %')
    .option('--unit <unit>', "unit the values above are written in (converted into the indicator's)")
    .option('--version <n>', 'the version read; default: the current one')
    .option('--token <token>', 'act with this API token instead of PLANTRACK_TOKEN')
    .option('--json', 'print JSON')
    .action((opts: ReviseOpts) =>
      withDatabase(async (database, config) => {
        const actor = await cliActor(database, config, { action: 'define_plans', plan: opts.plan }, opts.token);
        const current = await targetRevisions(database, actor, opts.plan, opts.key);
        const r = await reviseTargetInPlace(database, actor, {
          plan: opts.plan,
          key: opts.key,
          patch: patchFromOptions(opts, current.version),
        });
        if (opts.json) return printJson(r);
        process.stdout.write(
          `已修订 ${opts.plan}:${opts.key}，版本 ${r.version}：${JSON.stringify(r.revision.before)} → ${JSON.stringify(r.revision.after)}\n`,
        );
      }),
    );
  program
    .command('revisions')
    .description("A target's revisions, newest first / 目标修订记录")
    .requiredOption('--plan <id>', 'plan ID')
    .requiredOption('--key <key>', 'target key')
    .option('--json', 'print JSON')
    .action((opts: { plan: string; key: string; json?: boolean }) =>
      withDatabase(async (database) => {
        const r = await targetRevisions(database, SYSTEM_ACTOR, opts.plan, opts.key);
        if (opts.json) return printJson(r);
        process.stdout.write(`${opts.plan}:${opts.key} 版本 ${r.version}，修订 ${r.items.length} 次\n`);
        for (const i of r.items)
          process.stdout.write(
            `${i.at} ${i.author} v${i.version} ${i.reason}：${JSON.stringify(i.before)} → ${JSON.stringify(i.after)}\n`,
          );
      }),
    );
  const plan = program.command('plan').description('Withdraw or restore a plan / 撤回或恢复规划');
  plan
    .command('withdraw <id>')
    .description('Withdraw (撤回/停用) a plan: hidden by default, data kept')
    .requiredOption('--reason <text>', '撤回原因 (required)')
    .option('--token <token>', 'act with this API token instead of PLANTRACK_TOKEN')
    .action((id: string, opts: { reason: string; token?: string }) =>
      withDatabase(async (database, config) => {
        const actor = await cliActor(database, config, { action: 'define_plans', plan: id }, opts.token);
        printJson(await withdrawPlan(database, actor, id, opts.reason));
      }),
    );
  plan
    .command('restore <id>')
    .description('Restore a withdrawn plan (administrators)')
    .option('--token <token>', 'act with this API token instead of PLANTRACK_TOKEN')
    .action((id: string, opts: { token?: string }) =>
      withDatabase(async (database, config) => {
        const actor = await cliActor(database, config, { action: 'define_plans', plan: id }, opts.token);
        printJson(await restorePlan(database, actor, id));
      }),
    );
}
