import { z } from 'zod';
import { periodTextSchema } from '../../domain/period/period.ts';
import { MAPPING_KINDS } from '../../domain/reporting/table/form-mappings.ts';
import { AppError } from '../../errors/app-error.ts';
import { errorResponseSchema, PG_INT_MAX, errorResponses } from '../../presenters/page.schema.ts';
import { formMappingSchema, formMappingsSchema, importResultSchema } from '../../presenters/reporting.presenter.ts';
import type { Actor } from '../../services/actor.ts';
import { addFormMapping, listFormMappings, removeFormMapping } from '../../services/reporting/form-mapping.service.ts';
import { importValues, type ImportResult } from '../../services/reporting/import/import.service.ts';
import { bufferSource, jsonSource, type UploadSource } from '../../services/reporting/import/upload-source.ts';
import { formTemplate } from '../../services/reporting/template.service.ts';
import type { RouteApp, RouteDeps } from '../route-deps.ts';
import { routeOptions } from '../route-options.ts';

const reportingRoute = routeOptions('reporting');

/** The reporting routes that take files in or give them out: imports, remembered name mappings, templates. */

const errors = errorResponses(400, 404, 409, 422);
const importQuery = z.object({
  period: periodTextSchema.optional(),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
const importResponses = {
  200: importResultSchema,
  201: importResultSchema,
  ...errors,
  413: errorResponseSchema,
  415: errorResponseSchema,
};

/** 201 when figures were written, 200 for a preview or an upload that changes nothing, 422 when rejected. */
function importReply(result: ImportResult): { status: 200 | 201; result: ImportResult } {
  if (result.problemsTotal > 0 && !result.dryRun)
    throw new AppError(
      'IMPORT_REJECTED',
      `the upload was rejected with ${result.problemsTotal} problem(s); nothing was written`,
      `导入被拒绝：发现${result.problemsTotal}个问题，未写入任何数据`,
      result,
    );
  return { status: result.committed ? 201 : 200, result };
}

/** Figures uploaded as a file or sent as JSON: previewed or written all-or-nothing. */
export function formImportRoutes(app: RouteApp, { database, limits }: RouteDeps) {
  const runImport = async (form: string, fileName: string, q: z.infer<typeof importQuery>, source: UploadSource, actor: Actor) =>
    importReply(
      await importValues(database, actor, {
        form,
        fileName,
        format: source.format,
        period: q.period ?? null,
        dryRun: q.dryRun,
        rows: source.rows,
        sha256: source.sha256,
      }),
    );
  app.post(
    '/forms/:form/imports',
    reportingRoute(
      { action: 'report', resource: 'global' },
      'Upload an .xlsx or CSV file of figures: preview (dryRun) or write all-or-nothing / 导入报表文件',
      {
        description:
          'The body is the raw file (application/octet-stream, text/csv or the .xlsx MIME type). Messy layouts, units and encodings are interpreted; every problem is listed with sheet, row, column and reason. Re-uploading the same file changes nothing.',
        params: z.object({ form: z.string() }),
        querystring: importQuery.extend({ fileName: z.string().min(1).max(255) }),
        response: importResponses,
      },
    ),
    async (req, reply) => {
      const body = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw new AppError('EMPTY_UPLOAD', 'send the file as the request body', '请在请求正文中上传文件');
      const out = await runImport(
        req.params.form,
        req.query.fileName,
        req.query,
        await bufferSource(req.query.fileName, body, limits),
        req.actor!,
      );
      return reply.status(out.status).send(out.result);
    },
  );
  app.post(
    '/forms/:form/values',
    reportingRoute(
      { action: 'report', resource: 'global' },
      'Machine submission of figures as JSON (same checks as a file upload) / 接口报送',
      {
        description:
          'Send figures as decimal strings for exactness. Problems name the position in `values` as the row (1-based).',
        params: z.object({ form: z.string() }),
        querystring: importQuery,
        body: z.object({
          values: z
            .array(
              z.object({
                orgUnit: z.string(),
                indicator: z.string(),
                period: z.string().optional(),
                value: z.union([z.string(), z.number().transform((n) => String(n))]).nullable(),
                unit: z.string().optional(),
              }),
            )
            .min(1)
            .max(100_000),
        }),
        response: importResponses,
      },
    ),
    async (req, reply) => {
      const out = await runImport(req.params.form, 'api.json', req.query, jsonSource(req.body.values), req.actor!);
      return reply.status(out.status).send(out.result);
    },
  );
}

/** Names mapped once per form (issue 18): read by whoever may report; added and removed by reporters, audited. */
export function formMappingRoutes(app: RouteApp, { database }: RouteDeps) {
  app.get(
    '/forms/:form/mappings',
    reportingRoute(
      { action: 'report', resource: 'global' },
      'Names the import maps to a unit or indicator of this form, remembered / 已记住的名称对应',
      { params: z.object({ form: z.string() }), response: { 200: formMappingsSchema, ...errors } },
    ),
    (req) => listFormMappings(database, req.actor!, req.params.form),
  );
  app.post(
    '/forms/:form/mappings',
    reportingRoute(
      { action: 'report', resource: 'global' },
      'Remember that a name in uploaded files means a unit or indicator of this form, audited / 记住名称对应（留痕）',
      {
        params: z.object({ form: z.string() }),
        body: z.object({
          kind: z.enum(MAPPING_KINDS),
          text: z.string().min(1).max(200),
          target: z.string().min(1).max(100),
        }),
        response: { 201: formMappingSchema.omit({ createdBy: true, createdAt: true }), ...errors, 403: errorResponseSchema },
      },
    ),
    async (req, reply) => reply.status(201).send(await addFormMapping(database, req.actor!, req.params.form, req.body)),
  );
  app.delete(
    '/forms/:form/mappings/:id',
    reportingRoute({ action: 'report', resource: 'global' }, 'Forget a remembered name mapping, audited / 删除名称对应（留痕）', {
      params: z.object({ form: z.string(), id: z.coerce.number().int().min(1).max(PG_INT_MAX) }),
      response: { 204: z.null(), ...errors },
    }),
    async (req, reply) => {
      await removeFormMapping(database, req.actor!, req.params.form, req.params.id);
      return reply.status(204).send(null);
    },
  );
}

/** The pre-filled .xlsx template of a form. */
export function formTemplateRoutes(app: RouteApp, { database }: RouteDeps) {
  app.get(
    '/forms/:form/template',
    {
      config: {
        access: { action: 'read' },
        exportAudit: (req) => {
          const q = req.query as { period: string; units?: string };
          const form = (req.params as { form: string }).form;
          return { what: 'form_template', scope: `${form}/${q.period}`, format: 'xlsx', details: { units: q.units ?? null } };
        },
      },
      schema: {
        tags: ['reporting'],
        summary: 'Download an .xlsx template pre-filled for a form, period and units / 下载填报模板',
        params: z.object({ form: z.string() }),
        querystring: z.object({ period: periodTextSchema, units: z.string().optional() }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const units = req.query.units
        ? req.query.units
            .split(',')
            .map((u) => u.trim())
            .filter(Boolean)
        : null;
      const file = await formTemplate(database, req.actor!, req.params.form, req.query.period, units);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(file.fileName)}"`)
        .send(file.body);
    },
  );
}
