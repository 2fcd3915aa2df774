import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { periodTextSchema } from '../../domain/period/period.ts';
import { decimal } from '../../domain/model/common.schema.ts';
import type { Transition } from '../../domain/reporting/workflow/submission-workflow.ts';
import { errorResponseSchema, PG_INT_MAX } from '../../presenters/page.schema.ts';
import {
  completenessSchema,
  entrySheetSchema,
  formMappingSchema,
  formMappingsSchema,
  importResultSchema,
  myWorkSchema,
  overdueSchema,
  reportFormResponseSchema,
  reviewQueueSchema,
  ruleTestSchema,
} from '../../presenters/reporting.presenter.ts';
import {
  formCompleteness,
  myReportingWork,
  overdueReporters,
  reviewQueue,
} from '../../services/reporting/completeness.service.ts';
import { MAPPING_KINDS } from '../../domain/reporting/table/form-mappings.ts';
import { addFormMapping, listFormMappings, removeFormMapping } from '../../services/reporting/form-mapping.service.ts';
import { getEntrySheet } from '../../services/reporting/entry-sheet.service.ts';
import { importValues, type ImportResult } from '../../services/reporting/import/import.service.ts';
import { bufferSource, jsonSource, type UploadSource } from '../../services/reporting/import/upload-source.ts';
import { formTemplate } from '../../services/reporting/template.service.ts';
import { AppError } from '../../errors/app-error.ts';
import { getReportForm, listReportForms, testFormRules, updateFormRules } from '../../services/reporting/form-rules.service.ts';
import { saveEntry } from '../../services/reporting/save-entry.service.ts';
import { transitionSubmission } from '../../services/reporting/transition.service.ts';
import { attachToSubmission } from '../../services/reporting/submission-attachments.service.ts';
import type { Actor } from '../../services/actor.ts';
import type { RouteDeps } from '../route-deps.ts';
import { param } from '../auth/access-control.ts';
import { formOwner } from '../auth/plan-owned-resources.ts';
import type { FastifyRequest } from 'fastify';

const submissionParams = z.object({ form: z.string(), orgUnit: z.string(), period: periodTextSchema });
const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema };
const ruleInput = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning']),
  expression: z.string(),
  appliesTo: z.array(z.string()).optional(),
  message: z.object({ zh: z.string(), en: z.string() }),
  needsComment: z.boolean().optional(),
});
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
const orgUnitOf = (req: FastifyRequest) => ({ orgUnit: param(req, 'orgUnit') });

const TRANSITION_SUMMARY: Record<Transition, string> = {
  submit: 'Submit for review (rules re-run; warnings need explanations) / 提交审核',
  approve: 'Approve and lock / 审核通过',
  return: 'Return to the reporter with a comment / 退回修改',
  reopen: 'Reopen an approved submission, giving a reason / 重新打开',
};

export const reportingRoutes =
  ({ database, limits }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/forms',
      {
        config: { access: { action: 'read' } },
        schema: { tags: ['reporting'], summary: 'Reporting forms / 报表', response: { 200: z.array(reportFormResponseSchema) } },
      },
      () => listReportForms(database),
    );
    app.get(
      '/forms/:form',
      {
        config: { access: { action: 'read' } },
        schema: {
          tags: ['reporting'],
          summary: 'One reporting form with its rules / 报表定义',
          params: z.object({ form: z.string() }),
          response: { 200: reportFormResponseSchema, 404: errorResponseSchema },
        },
      },
      (req) => getReportForm(database, req.params.form),
    );
    app.put(
      '/forms/:form/rules',
      {
        // A form's rules are its plan's managers' (form.plans; a shared form needs a grant for every plan).
        config: { access: { action: 'define_plans', resource: formOwner(database.db) } },
        schema: {
          tags: ['reporting'],
          summary: "Replace a form's validation rules (new form version) / 修改校验规则",
          params: z.object({ form: z.string() }),
          body: z.object({ version: z.number().int().min(1).max(PG_INT_MAX), rules: z.array(ruleInput) }),
          response: { 200: reportFormResponseSchema, ...errors },
        },
      },
      (req) => updateFormRules(database, req.actor!, req.params.form, req.body.version, req.body.rules),
    );
    app.post(
      '/forms/:form/rules/test',
      {
        config: { access: { action: 'read' } },
        schema: {
          tags: ['reporting'],
          summary: 'Rule test bench: run (draft) rules over figures without saving / 规则试算',
          params: z.object({ form: z.string() }),
          body: z.object({
            rules: z.array(ruleInput).optional(),
            orgUnit: z.string().optional(),
            period: periodTextSchema,
            values: z.record(z.string(), decimal()),
          }),
          response: { 200: ruleTestSchema, ...errors },
        },
      },
      (req) => testFormRules(database, req.actor!, req.params.form, req.body),
    );
    app.get(
      '/forms/:form/completeness',
      {
        config: { access: { action: 'read' } },
        schema: {
          tags: ['reporting'],
          summary: 'Who submitted on time, late or not at all / 报送完整性与及时性',
          params: z.object({ form: z.string() }),
          querystring: z.object({ period: periodTextSchema }),
          response: { 200: completenessSchema, ...errors },
        },
      },
      (req) => formCompleteness(database, req.actor!, req.params.form, req.query.period),
    );
    app.get(
      '/reporting/my-work',
      {
        config: { access: { action: 'authenticated' } },
        schema: { tags: ['reporting'], summary: 'My forms and open periods / 我的填报任务', response: { 200: myWorkSchema } },
      },
      (req) => myReportingWork(database, req.actor!),
    );
    app.get(
      '/reporting/review-queue',
      {
        config: { access: { action: 'review', resource: 'global' } },
        schema: { tags: ['reporting'], summary: 'Submissions waiting for review / 待审核', response: { 200: reviewQueueSchema } },
      },
      (req) => reviewQueue(database, req.actor!),
    );
    app.get(
      '/reporting/overdue',
      {
        config: { access: { action: 'read' } },
        schema: { tags: ['reporting'], summary: 'Reporters who owe figures / 逾期未报', response: { 200: overdueSchema } },
      },
      (req) => overdueReporters(database, req.actor!),
    );
    app.get(
      '/submissions/:form/:orgUnit/:period',
      {
        // Outside the reader's scope the service answers 404, as for every read.
        config: { access: { action: 'read' } },
        schema: {
          tags: ['reporting'],
          summary: 'Data-entry sheet: figures, comparisons, findings, state / 填报表',
          params: submissionParams,
          response: { 200: entrySheetSchema, ...errors },
        },
      },
      (req) => getEntrySheet(database, req.actor!, req.params.form, req.params.orgUnit, req.params.period),
    );
    app.put(
      '/submissions/:form/:orgUnit/:period/values',
      {
        config: { access: { action: 'report', resource: orgUnitOf } },
        schema: {
          tags: ['reporting'],
          summary: 'Save draft figures and explanations (optimistic concurrency per cell) / 保存草稿',
          params: submissionParams,
          body: z.object({
            values: z.array(
              z.object({ indicator: z.string(), value: decimal().nullable(), expectedVersion: z.number().int().min(0) }),
            ),
            explanations: z.record(z.string(), z.string().max(2000)).optional(),
          }),
          response: { 200: entrySheetSchema, ...errors },
        },
      },
      (req) => saveEntry(database, req.actor!, req.params.form, req.params.orgUnit, req.params.period, req.body),
    );
    const runImport = async (
      form: string,
      fileName: string,
      q: z.infer<typeof importQuery>,
      source: UploadSource,
      actor: Actor,
    ) =>
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
      {
        config: { access: { action: 'report', resource: 'global' } },
        schema: {
          tags: ['reporting'],
          summary: 'Upload an .xlsx or CSV file of figures: preview (dryRun) or write all-or-nothing / 导入报表文件',
          description:
            'The body is the raw file (application/octet-stream, text/csv or the .xlsx MIME type). Messy layouts, units and encodings are interpreted; every problem is listed with sheet, row, column and reason. Re-uploading the same file changes nothing.',
          params: z.object({ form: z.string() }),
          querystring: importQuery.extend({ fileName: z.string().min(1).max(255) }),
          response: importResponses,
        },
      },
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
      {
        config: { access: { action: 'report', resource: 'global' } },
        schema: {
          tags: ['reporting'],
          summary: 'Machine submission of figures as JSON (same checks as a file upload) / 接口报送',
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
      },
      async (req, reply) => {
        const out = await runImport(req.params.form, 'api.json', req.query, jsonSource(req.body.values), req.actor!);
        return reply.status(out.status).send(out.result);
      },
    );
    // Names mapped once per form (issue 18): read by whoever may report; added and removed by reporters, audited.
    app.get(
      '/forms/:form/mappings',
      {
        config: { access: { action: 'report', resource: 'global' } },
        schema: {
          tags: ['reporting'],
          summary: 'Names the import maps to a unit or indicator of this form, remembered / 已记住的名称对应',
          params: z.object({ form: z.string() }),
          response: { 200: formMappingsSchema, ...errors },
        },
      },
      (req) => listFormMappings(database, req.actor!, req.params.form),
    );
    app.post(
      '/forms/:form/mappings',
      {
        config: { access: { action: 'report', resource: 'global' } },
        schema: {
          tags: ['reporting'],
          summary:
            'Remember that a name in uploaded files means a unit or indicator of this form, audited / 记住名称对应（留痕）',
          params: z.object({ form: z.string() }),
          body: z.object({
            kind: z.enum(MAPPING_KINDS),
            text: z.string().min(1).max(200),
            target: z.string().min(1).max(100),
          }),
          response: { 201: formMappingSchema.omit({ createdBy: true, createdAt: true }), ...errors, 403: errorResponseSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await addFormMapping(database, req.actor!, req.params.form, req.body)),
    );
    app.delete(
      '/forms/:form/mappings/:id',
      {
        config: { access: { action: 'report', resource: 'global' } },
        schema: {
          tags: ['reporting'],
          summary: 'Forget a remembered name mapping, audited / 删除名称对应（留痕）',
          params: z.object({ form: z.string(), id: z.coerce.number().int().min(1).max(PG_INT_MAX) }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await removeFormMapping(database, req.actor!, req.params.form, req.params.id);
        return reply.status(204).send(null);
      },
    );
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
    app.post(
      '/submissions/:form/:orgUnit/:period/attachments',
      {
        config: { access: { action: 'report', resource: orgUnitOf } },
        schema: {
          tags: ['reporting'],
          summary: 'Attach your uploads (POST /attachments) to a draft or returned sheet / 为报表添加附件',
          params: submissionParams,
          body: z.object({ attachments: z.array(z.string().uuid()).min(1).max(20) }),
          response: { 200: entrySheetSchema, ...errors },
        },
      },
      (req) =>
        attachToSubmission(database, req.actor!, req.params.form, req.params.orgUnit, req.params.period, req.body.attachments),
    );
    for (const transition of ['submit', 'approve', 'return', 'reopen'] as const) {
      app.post(
        `/submissions/:form/:orgUnit/:period/${transition}`,
        {
          config: { access: { action: transition === 'submit' ? 'report' : 'review', resource: orgUnitOf } },
          schema: {
            tags: ['reporting'],
            summary: TRANSITION_SUMMARY[transition],
            params: submissionParams,
            body: z.object({
              version: z.number().int().min(0).max(PG_INT_MAX),
              comment: z.string().max(2000).nullable().optional(),
              // Return / reopen: comments at single cells, indicator → text (issue 18).
              cellComments: z.record(z.string().max(100), z.string().max(2000)).optional(),
            }),
            response: { 200: entrySheetSchema, ...errors },
          },
        },
        (req) =>
          transitionSubmission(
            database,
            req.actor!,
            req.params.form,
            req.params.orgUnit,
            req.params.period,
            transition,
            req.body,
          ),
      );
    }
  };
