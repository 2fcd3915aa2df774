import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { queryGroups } from '../../services/catalogue-query.service.ts';
import {
  changeGroupMembers,
  parseAssignmentRows,
  resolveAssignmentUnits,
  type MembershipChange,
} from '../../services/group-membership.service.ts';
import { assignmentChangesFromXlsx } from '../../services/group-membership-import.service.ts';
import { cliActor } from '../cli-actor.ts';
import { printJson, printTable, withDatabase } from '../context.ts';

/**
 * `plantrack groups` lists groups with their members; `plantrack groups assign` lets the plan office put
 * units into a group (a 主体功能区 type) or take them out, from arguments or a `unit,group` file, audited.
 */
export function registerGroupCommands(program: Command): void {
  const groups = program.command('groups').description('Groups across the tree (板块, 主体功能区) / 分组');
  groups
    .command('list')
    .description('List groups and their members / 列出分组及成员')
    .option('--kind <kind>', 'bloc, main_function_area, zone_level, other')
    .option('--json', 'print JSON')
    .action((opts: { kind?: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const { items } = await queryGroups(db, { kind: opts.kind }, null);
        if (opts.json) return printJson(items);
        printTable(
          ['代码 Code', '名称 Name', '类型 Kind', '成员数 Members'],
          items.map((g) => [g.code, g.name, g.kind, g.members.length]),
        );
      }),
    );
  groups
    .command('assign')
    .description('Assign units to a group, or take them out; audited / 调整分组成员（留痕）')
    .requiredOption('--reason <text>', 'why (kept in the audit trail) / 调整理由')
    .option('--group <code>', 'group code, e.g. mfa-ecological')
    .option('--add <codes...>', 'unit codes or GB/T 2260 codes to put in the group')
    .option('--remove <codes...>', 'unit codes to take out of the group')
    .option(
      '--file <path>',
      'a "unit,group" file (CSV or tab-separated, one unit a row) or an .xlsx (columns 单位/单位代码 and 分组/类型), all or nothing',
    )
    .option('--token <token>', 'personal API token (or PLANTRACK_TOKEN)')
    .option('--json', 'print JSON')
    .action(
      (opts: {
        reason: string;
        group?: string;
        add?: string[];
        remove?: string[];
        file?: string;
        token?: string;
        json?: boolean;
      }) =>
        withDatabase(async (database, config) => {
          const actor = await cliActor(database, config, { action: 'define_plans' }, opts.token);
          const changes: MembershipChange[] = [];
          if (opts.file !== undefined) {
            const bytes = await readFile(opts.file);
            // A zip (PK\x03\x04) is an .xlsx workbook, whatever the file is called; anything else is read as text.
            const isXlsx = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
            changes.push(
              ...(isXlsx
                ? await assignmentChangesFromXlsx(database.db, bytes)
                : await resolveAssignmentUnits(database.db, parseAssignmentRows(bytes.toString('utf8')))),
            );
          }
          if (opts.group !== undefined) {
            const byDivision = await resolveAssignmentUnits(
              database.db,
              (opts.add ?? []).map((unit, i) => ({ unit, group: opts.group!, row: i + 1 })),
            );
            changes.push({ group: opts.group, add: byDivision.flatMap((c) => c.add ?? []), remove: opts.remove ?? [] });
          }
          if (changes.length === 0)
            throw new Error('请给出 --group 与 --add/--remove，或 --file / give --group with --add/--remove, or --file');
          const result = await changeGroupMembers(database, actor, changes, opts.reason);
          if (opts.json) return printJson(result);
          printTable(
            ['分组 Group', '成员数 Members'],
            result.groups.map((g) => [g.code, g.members.length]),
          );
        }),
    );
}
