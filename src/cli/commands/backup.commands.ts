import path from 'node:path';
import type { Command } from 'commander';
import { auditKey } from '../../config/audit-key.ts';
import { loadConfig } from '../../config/env.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { restoreBackupFile, writeBackupFile } from '../../services/backup.service.ts';
import { SYSTEM_ACTOR } from '../../services/actor.ts';
import { recordAudit } from '../../services/audit.service.ts';
import { cliActor } from '../cli-actor.ts';
import { printTable } from '../context.ts';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Write a consistent backup of every table (gzip, JSON lines) / 备份全部数据')
    .argument('<file>', 'backup file to write, e.g. plantrack-2026-01-01.backup.gz')
    .option('--token <token>', 'act with this API token instead of PLANTRACK_TOKEN (an administrator)')
    .action((file: string, opts: { token?: string }) =>
      run(async (database) => {
        const config = loadConfig();
        const actor = await cliActor(database, config, { action: 'backup' }, opts.token);
        const summary = await writeBackupFile(database, file, await auditKey(config.audit));
        // Recorded after the snapshot, as the API's backup is: the entry names the file just written.
        await database.db.transaction().execute((trx) =>
          recordAudit(trx, actor, {
            action: 'backup',
            entity: 'database',
            entityKey: path.basename(file),
            after: { rows: summary.tables.reduce((n, t) => n + t.rows, 0) },
          }),
        );
        printTable(
          ['表 Table', '行数 Rows'],
          summary.tables.map((t) => [t.name, t.rows]),
        );
        const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
        process.stdout.write(`backup written / 备份已写入: ${file} (${summary.tables.length} tables, ${rows} rows)\n`);
      }),
    );

  program
    .command('restore')
    .description('Restore a backup onto an empty database; all or nothing / 将备份恢复到空数据库（全部成功或全部不写入）')
    .argument('<file>', 'backup file written by `plantrack backup`')
    .action((file: string) =>
      run(async (database) => {
        // The target is empty, so no account exists to act as: restore is the database operator's
        // act, like creating the first administrator. It is recorded in the restored chain.
        const summary = await restoreBackupFile(database, file);
        await database.db.transaction().execute((trx) =>
          recordAudit(
            trx,
            { ...SYSTEM_ACTOR, label: 'cli-restore', via: 'cli' },
            {
              action: 'restore',
              entity: 'database',
              entityKey: path.basename(file),
              after: { backupCreatedAt: summary.createdAt, rows: summary.tables.reduce((n, t) => n + t.rows, 0) },
            },
          ),
        );
        printTable(
          ['表 Table', '行数 Rows'],
          summary.tables.map((t) => [t.name, t.rows]),
        );
        const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
        process.stdout.write(
          `restored / 已恢复: ${rows} rows from the backup of ${summary.createdAt} (${summary.migrations.length} migrations)\n`,
        );
      }),
    );
}

/**
 * Opens the configured database without seeding it (unlike withDatabase): a backup copies what is
 * there, and a restore needs the database empty. On PGlite the data directory must not be open
 * in a running server; the lock error says so.
 */
async function run(fn: (database: Database) => Promise<void>): Promise<void> {
  try {
    const database = await openDatabase(loadConfig().database);
    try {
      await fn(database);
    } finally {
      await database.close();
    }
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    process.stderr.write(`${err.messageZh}\n${err.message}\n`);
    process.exitCode = 1;
  }
}
