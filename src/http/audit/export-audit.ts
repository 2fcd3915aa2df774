import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.ts';
import { recordExport, type ExportRecord } from '../../services/export-audit.service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Marks a route that downloads data: each successful download is recorded in the audit log. */
    exportAudit?: (req: FastifyRequest) => ExportRecord;
  }
}

/**
 * Audits every export route in one place, keyed by the route's `config.exportAudit`, rather than in
 * each handler. The entry is written in onSend, once the file is built and before any byte leaves:
 * a download whose record cannot be written fails (500) instead of going out unrecorded.
 */
export function registerExportAudit(app: FastifyInstance, database: Database): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const describe = req.routeOptions.config.exportAudit;
    if (!describe || reply.statusCode !== 200 || !req.actor) return payload;
    await recordExport(database, req.actor, describe(req));
    return payload;
  });
}
