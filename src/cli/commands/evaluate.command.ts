import type { Command } from 'commander';
import { runViewSchema, type RunView } from '../../presenters/evaluation.presenter.ts';
import { createRun, evaluateStored, publishRun } from '../../services/evaluation/run.service.ts';
import { listSchemes } from '../../services/evaluation/scheme.service.ts';
import { cliActor } from '../cli-actor.ts';
import { printJson, printTable, withDatabase } from '../context.ts';

const f1 = (x: number | null) => (x === null ? '' : x.toFixed(1));

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} 必须是非负整数 / must be a non-negative integer: ${text}`);
  return n;
}

function printRun(run: RunView): void {
  const where = run.id === null ? '未保存 / not stored' : `run ${run.id} (${run.status})`;
  process.stdout.write(
    `${run.scheme.name} 第${run.scheme.version}版 · ${run.year}年 · ${where} · 样本 ${run.samples} · 种子 ${run.seed}\n` +
      `数据指纹 sha256 ${run.dataHash}${run.scheme.defaultWeights ? ' · 权重为可调整的默认值（规划未规定）' : ''}\n`,
  );
  const groups = new Map(run.groups.map((g) => [g.code, g.name]));
  const indicator = new Map(run.indicators.map((i) => [i.code, i.name]));
  printTable(
    ['组', '排名', '单位', '得分', '等级', '加分', '扣分', '排名区间', '稳健', '上年', '说明'],
    run.units.map((u) => [
      u.group === null ? '' : (groups.get(u.group) ?? u.group),
      u.rank,
      u.name,
      f1(u.score),
      u.grade ?? (u.status === 'incomplete' ? `缺数据：${u.missing.map((c) => indicator.get(c) ?? c).join('、')}` : ''),
      u.bonus ? f1(u.bonus) : '',
      u.penalty ? f1(u.penalty) : '',
      u.sensitivity ? `${u.sensitivity.rankLow}–${u.sensitivity.rankHigh}` : '',
      u.sensitivity ? (u.sensitivity.robust ? '是' : '否') : '',
      u.previous ? `${u.previous.year}: ${f1(u.previous.score)} ${u.previous.grade ?? ''}`.trim() : '',
      u.vetoes.map((v) => `一票否决：${v.reason}`).join('；'),
    ]),
  );
}

/**
 * `plantrack evaluate`: runs an evaluation scheme on a year's figures. Storing a run (the default) and
 * publishing it write, so they act as the user of an API token with define_plans; `--no-save` only
 * computes and needs no token. `--list` lists the schemes.
 */
export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('Run an evaluation scheme on a year: scores, ranks, grades, sensitivity / 考核评价与排名')
    .option('--list', 'list the schemes and their versions')
    .option('--scheme <code>', 'scheme code, e.g. dev-zone-per-mu')
    .option('--year <year>', 'data year, e.g. 2024')
    .option('--version <n>', 'scheme version (default: the latest)')
    .option('--samples <n>', 'Monte Carlo samples of the sensitivity analysis (default 2000; 0 = none)')
    .option('--seed <n>', 'seed of the sensitivity analysis (default 20250101)')
    .option('--no-save', 'compute only; store nothing (needs no token)')
    .option('--publish', 'publish the stored run (freezes the scheme version)')
    .option('--json', 'print JSON (the RunView of GET /api/v1/evaluation/runs/:id)')
    .option('--token <token>', 'act with this API token instead of PLANTRACK_TOKEN')
    .action(
      (opts: {
        list?: boolean;
        scheme?: string;
        year?: string;
        version?: string;
        samples?: string;
        seed?: string;
        save: boolean;
        publish?: boolean;
        json?: boolean;
        token?: string;
      }) =>
        withDatabase(async (database, config) => {
          if (opts.list) {
            const { items } = await listSchemes(database);
            if (opts.json) return printJson({ items });
            return printTable(
              ['代码', '名称', '最新版本', '状态', '内置', '默认权重', '版本'],
              items.map((s) => [
                s.code,
                s.name,
                s.latestVersion,
                s.status === 'frozen' ? '已冻结' : '草稿',
                s.builtin ? '是' : '',
                s.defaultWeights ? '是' : '',
                s.versions.join(','),
              ]),
            );
          }
          if (!opts.scheme || !opts.year)
            throw new Error('请给出 --scheme 和 --year（或 --list）/ give --scheme and --year (or --list)');
          if (opts.publish && !opts.save) throw new Error('--publish 需要保存结果 / --publish cannot go with --no-save');
          const year = integer('--year', opts.year)!;
          const body = {
            scheme: opts.scheme,
            year,
            version: integer('--version', opts.version),
            samples: integer('--samples', opts.samples),
            seed: integer('--seed', opts.seed),
          };
          let run: RunView;
          if (!opts.save) run = await evaluateStored(database, body);
          else {
            const actor = await cliActor(database, config, { action: 'define_plans' }, opts.token);
            run = await createRun(database, actor, body);
            if (opts.publish) run = await publishRun(database, actor, run.id!);
          }
          // Through the response schema, so that the JSON has the API's shape and key order.
          if (opts.json) return printJson(runViewSchema.parse(run));
          printRun(run);
        }),
    );
}
