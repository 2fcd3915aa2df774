import type { Database } from '../../db/database.ts';
import type { ProgressMethod } from '../../domain/progress/method-class.ts';
import { buildMonitoringDocx } from '../../reports/monitoring/build-docx.ts';
import { filterTargets, type TargetFilter } from '../../domain/progress/target-filter.ts';
import { buildFilteredTargetsXlsx, buildMonitoringXlsx } from '../../reports/monitoring/build-xlsx.ts';
import { filterLines } from '../../reports/monitoring/filter-lines.ts';
import type { MonitoringReportInput, ReportTargetDetail } from '../../reports/monitoring/report-input.ts';
import { behindTargets } from '../../reports/monitoring/report-tables.ts';
import { renderChartPng } from '../../reports/monitoring/render-chart.ts';
import { planCommentary } from '../../repositories/commentary.repository.ts';
import type { Actor } from '../actor.ts';
import { planProgress, planPublishedFigures, targetProgressDetail } from '../progress/plan-progress.service.ts';
import { todayIso } from '../reporting/form-context.ts';
import { readerPrecision } from '../progress/reader-precision.service.ts';

export type MonitoringReportFormat = 'docx' | 'xlsx';

export const REPORT_CONTENT_TYPES: Record<MonitoringReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ReportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/**
 * The monitoring brief of one plan as of a period, as a .docx or an .xlsx of its tables. Built
 * from exactly what the progress API answers for the same reader, plan and period (planProgress,
 * and targetProgressDetail for the behind targets' charts), so its figures match the API.
 */
export async function monitoringReport(
  database: Database,
  actor: Actor,
  q: { plan: string; at: string; format: MonitoringReportFormat; method?: ProgressMethod; table?: 'targets' } & TargetFilter,
): Promise<ReportFile> {
  const progress = {
    ...(await planProgress(database, actor, { plan: q.plan, at: q.at, method: q.method })),
    precision: await readerPrecision(database, actor),
  };
  const filter = reportFilter(q);
  // A filtered .xlsx is the overview's targets table as the reader filtered it: exactly those rows.
  if (q.format === 'xlsx' && (filter || q.table === 'targets')) {
    const kept = { ...progress, targets: filterTargets(progress.targets, filter ?? {}) };
    return {
      fileName: `监测目标-${progress.plan.id}-${progress.at}.xlsx`,
      contentType: REPORT_CONTENT_TYPES.xlsx,
      body: await buildFilteredTargetsXlsx(
        kept,
        filter
          ? filterLines(
              filter,
              progress.targets.map((t) => t.subject),
            )
          : [],
        todayIso(),
      ),
    };
  }
  const details = new Map<string, ReportTargetDetail>();
  if (q.format === 'docx')
    for (const t of behindTargets(progress))
      details.set(
        t.key,
        await targetProgressDetail(database, actor, { plan: q.plan, target: t.key, at: q.at, method: q.method }),
      );
  const published = await planPublishedFigures(database, actor, { plan: q.plan, at: q.at });
  // The commentary of the targets the reader sees, for the report's period.
  const visible = new Set(progress.targets.map((t) => t.key));
  const commentary = (await planCommentary(database.db, q.plan, progress.at))
    .filter((c) => visible.has(c.key))
    .map((c) => ({ targetKey: c.key, owner: c.owner_name, text: c.body }));
  const input: MonitoringReportInput = { progress, details, published, commentary, generatedOn: todayIso() };
  const body = q.format === 'docx' ? await buildMonitoringDocx(input, renderChartPng) : await buildMonitoringXlsx(input);
  return {
    fileName: `监测报告-${progress.plan.id}-${progress.at}.${q.format}`,
    contentType: REPORT_CONTENT_TYPES[q.format],
    body,
  };
}

/** The table filter of the query, or null when none is set. */
export function reportFilter(q: TargetFilter): TargetFilter | null {
  const f: TargetFilter = {};
  for (const k of ['class', 'warning', 'q', 'subject', 'sort'] as const) if (q[k]) Object.assign(f, { [k]: q[k] });
  return Object.keys(f).length ? f : null;
}
