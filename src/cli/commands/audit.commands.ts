import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { backupAuditHead } from '../../services/backup.service.ts';
import { auditKey } from '../../config/audit-key.ts';
import { parseSignedHead } from '../../domain/audit/signed-head.ts';
import { signedAuditHead, verifyAuditChain, verifyAuditChainWithHead } from '../../services/audit.service.ts';
import { withDatabase } from '../context.ts';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Audit log / 审计日志');
  audit
    .command('verify')
    .description('Check the hash chain; names the first broken entry / 校验审计哈希链')
    .option(
      '--head <file>',
      'a signed head (plantrack audit head, a backup, the server log): also detects deleted newest entries',
    )
    .action((opts: { head?: string }) =>
      withDatabase(async (database, config) => {
        if (opts.head === undefined) {
          const r = await verifyAuditChain(database.db);
          if (r.ok) process.stdout.write(`audit chain intact / 审计链完整: ${r.entries} entries\n`);
          else chainBroken(r.entryId, r.reason, r.reasonZh);
          return;
        }
        const parsed = parseSignedHead(await readHeadFile(opts.head));
        if (!parsed.ok) throw new Error(`${opts.head}: ${parsed.reasonZh} / ${parsed.reason}`);
        const r = await verifyAuditChainWithHead(database.db, parsed.head, await auditKey(config.audit));
        if (!r.chain.ok) return chainBroken(r.chain.entryId, r.chain.reason, r.chain.reasonZh);
        if (r.head && !r.head.ok)
          throw new Error(
            r.head.kind === 'truncated'
              ? `audit chain truncated / 审计链尾部被删除: ${r.head.reasonZh} / ${r.head.reason}`
              : `audit head not verified / 审计链头未通过校验: ${r.head.reasonZh} / ${r.head.reason}`,
          );
        process.stdout.write(
          `audit chain intact / 审计链完整: ${r.chain.entries} entries; ` +
            `head of ${parsed.head.at} present / ${parsed.head.at} 的链头（第 ${parsed.head.lastId} 条，共 ${parsed.head.count} 条）仍在\n`,
        );
      }),
    );
  audit
    .command('head')
    .description('Print the signed head of the chain (JSON), to keep outside the database / 输出签名的审计链头')
    .action(() =>
      withDatabase(async (database, config) => {
        process.stdout.write(`${JSON.stringify(await signedAuditHead(database.db, await auditKey(config.audit)))}\n`);
      }),
    );
}

// Thrown, not written with process.exitCode: closing PGlite resets the exit code, and main sets it after the close.
function chainBroken(entryId: number, reason: string, reasonZh: string): never {
  throw new Error(`audit chain broken at entry ${entryId} / 审计链在第 ${entryId} 条断开: ${reasonZh} / ${reason}`);
}

/** A head file (`audit head`, or the `auditHead` of a server log line) or a backup, whose trailer carries one. */
async function readHeadFile(file: string): Promise<unknown> {
  const bytes = await readFile(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const head = await backupAuditHead(Readable.from([bytes]));
    if (head === undefined)
      throw new Error(
        `${file}: 该备份没有审计链头（由较早版本写入） / this backup holds no audit head (written by an earlier version)`,
      );
    return head;
  }
  const text = bytes.toString('utf8');
  try {
    const value = JSON.parse(text) as unknown;
    // A server log line copied to a file carries the head under auditHead.
    return typeof value === 'object' && value !== null && 'auditHead' in value ? value.auditHead : value;
  } catch {
    throw new Error(`${file}: 不是 JSON 格式的审计链头 / not an audit head (JSON)`);
  }
}
