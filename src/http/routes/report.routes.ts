import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { periodTextSchema } from '../../domain/period/period.ts';
import { FILTER_CLASSES, FILTER_WARNINGS, SORT_KEYS } from '../../domain/progress/target-filter.ts';
import { progressMethodSchema } from '../../presenters/progress.presenter.ts';
import { monitoringReport, REPORT_CONTENT_TYPES } from '../../services/reports/monitoring-report.service.ts';
import type { RouteDeps } from '../route-deps.ts';

export const reportRoutes =
  ({ database }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/reports/monitoring',
      {
        config: {
          access: { action: 'read' },
          exportAudit: (req) => {
            const q = req.query as { plan: string; at: string; format: 'docx' | 'xlsx'; method?: string } & Record<
              string,
              string
            >;
            // The table filter (issue 19) is part of what was exported, so the audit records it.
            const { class: cls, warning, q: text, subject, sort } = q;
            return {
              what: 'monitoring_report',
              scope: `${q.plan}/${q.at}`,
              format: q.format,
              details: { method: q.method, table: q.table, class: cls, warning, q: text, subject, sort },
            };
          },
        },
        schema: {
          tags: ['reports'],
          summary: 'Download the monitoring brief (.docx) or its tables (.xlsx) / 下载监测报告',
          querystring: z.object({
            plan: z.string(),
            at: periodTextSchema.describe('as-of period: 2024, 2024Q2 or 2024-06'),
            format: z.enum(['docx', 'xlsx']).default('docx'),
            method: progressMethodSchema.optional(),
            // The overview's targets table (issue 19): with format=xlsx, table=targets or any filter
            // gives one sheet of exactly the targets the filter keeps, in its order.
            table: z.enum(['targets']).optional(),
            class: z.enum(FILTER_CLASSES).optional(),
            warning: z.enum(FILTER_WARNINGS).optional(),
            q: z.string().max(100).optional().describe('text in the indicator or subject name'),
            subject: z.string().max(64).optional().describe('responsible subject code'),
            sort: z.enum([...SORT_KEYS, ...SORT_KEYS.map((k) => `-${k}` as const)]).optional(),
          }),
          produces: Object.values(REPORT_CONTENT_TYPES),
        },
      },
      async (req, reply) => {
        const file = await monitoringReport(database, req.actor!, req.query);
        // RFC 6266: an ASCII fallback name plus the UTF-8 one (the file name is Chinese).
        const ascii = `monitoring-report-${req.query.plan}-${req.query.at}.${req.query.format}`.replace(/[^\w.-]/g, '_');
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .send(file.body);
      },
    );
  };
