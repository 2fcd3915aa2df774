import type { Command } from 'commander';
import {
  ALIAS_KINDS,
  addUnitAlias,
  listUnitAliases,
  removeUnitAlias,
  type AliasKind,
} from '../../services/org-units/unit-alias.service.ts';
import { cliActor } from '../cli-actor.ts';
import { printJson, printTable, withDatabase } from '../context.ts';

/**
 * `plantrack aliases` — the other names a unit goes by (简称, former names, short forms), which the
 * import matches unit names against. Adding and removing act as an administrator of the unit, audited.
 */
export function registerUnitAliasCommands(program: Command): void {
  const aliases = program.command('aliases').description('Other names of org units, matched at import / 单位别名');
  aliases
    .command('list <unit>')
    .description('List the aliases of a unit / 列出单位别名')
    .option('--json', 'print JSON')
    .action((unit: string, opts: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const items = await listUnitAliases(db, unit);
        if (opts.json) return printJson(items);
        printTable(
          ['编号 Id', '别名 Alias', '类型 Kind', '来源 Source'],
          items.map((a) => [a.id, a.alias, a.kind, a.source]),
        );
      }),
    );
  aliases
    .command('add <unit> <alias>')
    .description('Add a name the unit goes by, kept as written; audited / 添加单位别名（留痕）')
    .option('--kind <kind>', ALIAS_KINDS.join(', '), 'short')
    .option('--token <token>', 'personal API token (or PLANTRACK_TOKEN)')
    .action((unit: string, alias: string, opts: { kind: string; token?: string }) =>
      withDatabase(async (database, config) => {
        if (!(ALIAS_KINDS as readonly string[]).includes(opts.kind))
          throw new Error(`--kind 须为 ${ALIAS_KINDS.join('、')} / --kind must be one of ${ALIAS_KINDS.join(', ')}`);
        const actor = await cliActor(database, config, { action: 'manage_users', orgUnit: unit }, opts.token);
        const added = await addUnitAlias(database, actor, unit, alias, opts.kind as AliasKind);
        printJson(added);
      }),
    );
  aliases
    .command('remove <unit> <id>')
    .description('Remove an alias of the unit by its id; audited / 删除单位别名（留痕）')
    .option('--token <token>', 'personal API token (or PLANTRACK_TOKEN)')
    .action((unit: string, id: string, opts: { token?: string }) =>
      withDatabase(async (database, config) => {
        const actor = await cliActor(database, config, { action: 'manage_users', orgUnit: unit }, opts.token);
        await removeUnitAlias(database, actor, unit, Number(id));
      }),
    );
}
