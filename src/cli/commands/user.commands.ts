import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../services/actor.ts';
import { createToken, createUser, hasAdmin, parseGrant, userNamed } from '../../services/user.service.ts';
import { cliActor } from '../cli-actor.ts';
import { withDatabase } from '../context.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Accounts / 用户');
  user
    .command('create')
    .description('Create a user; the first administrator needs no token / 创建用户')
    .argument('[username]', 'user name (a–z, 0–9, . _ -)')
    .option('--admin <username>', 'create an administrator (allowed without a token only while none exists)')
    .requiredOption('--name <name>', 'display name')
    .option('--org-unit <code>', 'the unit the user belongs to')
    .option('--role <role...>', 'role[@ORG_UNIT][:plan,plan], e.g. reporter@YN-HH', [])
    .option('--password-stdin', 'read the password from standard input')
    .option('--token <token>', 'act with this API token instead of PLANTRACK_TOKEN')
    .action(
      (
        username: string | undefined,
        opts: { admin?: string; name: string; orgUnit?: string; role: string[]; passwordStdin?: boolean; token?: string },
      ) =>
        withDatabase(async (database, config) => {
          const name = opts.admin ?? username;
          if (!name) throw new Error('give a user name / 请提供用户名');
          if (!opts.passwordStdin)
            throw new Error(
              'pass the password on standard input with --password-stdin / 请用 --password-stdin 从标准输入提供密码',
            );
          const grants = [...(opts.admin ? ['admin'] : []), ...opts.role].map(parseGrant);
          if (grants.length === 0) throw new Error('give at least one --role / 请至少指定一个角色');
          const bootstrap = opts.admin !== undefined && !(await hasAdmin(database.db));
          const actor = bootstrap
            ? { ...SYSTEM_ACTOR, label: 'cli-bootstrap', via: 'cli' as const }
            : await cliActor(database, config, { action: 'manage_users', orgUnit: opts.orgUnit }, opts.token);
          await createUser(database, actor, {
            username: name,
            displayName: opts.name,
            orgUnit: opts.orgUnit,
            password: await readStdin(),
            grants,
          });
          process.stdout.write(`created / 已创建: ${name}\n`);
        }),
    );
  user
    .command('token')
    .description("Create a personal API token for a user (an administrator's act) / 为用户创建 API 令牌")
    .argument('<username>')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--read-only', 'token may only read')
    .option('--token <token>', 'act with this API token instead of PLANTRACK_TOKEN')
    .action((username: string, opts: { name: string; readOnly?: boolean; token?: string }) =>
      withDatabase(async (database, config) => {
        const admin = await cliActor(database, config, { action: 'manage_users' }, opts.token);
        const owner = await userNamed(database.db, username);
        const { secret } = await createToken(
          database,
          { ...admin, userId: owner.id, label: `${admin.label} for ${owner.username}` },
          { name: opts.name, scopes: opts.readOnly ? ['read'] : ['read', 'write'], expiresAt: null },
        );
        process.stdout.write(`${secret}\n`);
      }),
    );
}
