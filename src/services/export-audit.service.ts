import type { Database } from '../db/database.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';

/** One download of data out of the platform: a report, a task list, a pre-filled template, evaluation results. */
export interface ExportRecord {
  /** What was exported, e.g. monitoring_report, task_list, form_template, evaluation_run. */
  what: string;
  /** Which plan, form, run… it covers, e.g. yunnan-ftz-2021-2025/2024Q2. */
  scope: string;
  format: 'docx' | 'xlsx' | 'csv';
  /** The choices that shaped the file (units, method, language), as given. */
  details?: Record<string, unknown>;
}

/**
 * Records who exported what (issue 21: every export is audited). One entry per file, entity
 * `export`, key `what/scope`; only system administrators read them (audit-visibility.ts).
 */
export async function recordExport(database: Database, actor: Actor, record: ExportRecord): Promise<void> {
  await database.db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: 'export',
      entity: 'export',
      entityKey: `${record.what}/${record.scope}`,
      after: { format: record.format, ...record.details },
    }),
  );
}
