import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.ts';
import { createAuditHeadLog } from '../../services/audit-head-log.ts';

/**
 * One log line `audit head / 审计链头` with the signed head (`auditHead`) at start-up and within a
 * second of any request after which the audit chain has grown: logins, writes, exports, backups.
 */
export function registerAuditHeadLog(app: FastifyInstance, database: Database, key: string): void {
  const headLog = createAuditHeadLog(database.db, key, (auditHead) => app.log.info({ auditHead }, 'audit head / 审计链头'));
  app.addHook('onReady', () => headLog.flush());
  app.addHook('onResponse', async () => headLog.poke((err) => app.log.warn({ err }, 'audit head not logged / 审计链头未记录')));
  app.addHook('onClose', async () => {
    headLog.stop();
    await headLog.flush().catch(() => {});
  });
}
