import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { periodTextSchema } from '../../domain/period/period.ts';
import type { Transition } from '../../domain/reporting/workflow/submission-workflow.ts';
import { errorResponseSchema, PG_INT_MAX, errorResponses } from '../../presenters/page.schema.ts';
import {
  completenessSchema,
  entrySheetSchema,
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
import { getEntrySheet } from '../../services/reporting/entry-sheet.service.ts';
import { getReportForm, listReportForms, testFormRules, updateFormRules } from '../../services/reporting/form-rules.service.ts';
import { saveEntry } from '../../services/reporting/save-entry.service.ts';
import { transitionSubmission } from '../../services/reporting/transition.service.ts';
import { attachToSubmission } from '../../services/reporting/submission-attachments.service.ts';
import type { RouteApp, RouteDeps } from '../route-deps.ts';
import { formImportRoutes, formMappingRoutes, formTemplateRoutes } from './reporting-upload.routes.ts';
import { param } from '../auth/access-control.ts';
import { formOwner } from '../auth/plan-owned-resources.ts';
import type { FastifyRequest } from 'fastify';
import { routeOptions } from '../route-options.ts';
import { ruleInputSchema, ruleTestBodySchema, saveEntryBodySchema } from '../../presenters/reporting-body.schema.ts';

const reportingRoute = routeOptions('reporting');

const submissionParams = z.object({ form: z.string(), orgUnit: z.string(), period: periodTextSchema });
const errors = errorResponses(400, 404, 409, 422);
const orgUnitOf = (req: FastifyRequest) => ({ orgUnit: param(req, 'orgUnit') });

const TRANSITION_SUMMARY: Record<Transition, string> = {
  submit: 'Submit for review (rules re-run; warnings need explanations) / 提交审核',
  approve: 'Approve and lock / 审核通过',
  return: 'Return to the reporter with a comment / 退回修改',
  reopen: 'Reopen an approved submission, giving a reason / 重新打开',
};
export const reportingRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Registered in this order, so the OpenAPI document lists them as before.
    formRuleRoutes(app, deps);
    reportingWorkRoutes(app, deps);
    entrySheetRoutes(app, deps);
    formImportRoutes(app, deps);
    formMappingRoutes(app, deps);
    formTemplateRoutes(app, deps);
    submissionWorkflowRoutes(app, deps);
  };

/** Forms, their validation rules and the rule test bench; who reported a form. */
function formRuleRoutes(app: RouteApp, { database }: RouteDeps) {
  app.get(
    '/forms',
    reportingRoute({ action: 'read' }, 'Reporting forms / 报表', { response: { 200: z.array(reportFormResponseSchema) } }),
    () => listReportForms(database),
  );
  app.get(
    '/forms/:form',
    reportingRoute({ action: 'read' }, 'One reporting form with its rules / 报表定义', {
      params: z.object({ form: z.string() }),
      response: { 200: reportFormResponseSchema, 404: errorResponseSchema },
    }),
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
        body: z.object({ version: z.number().int().min(1).max(PG_INT_MAX), rules: z.array(ruleInputSchema) }),
        response: { 200: reportFormResponseSchema, ...errors },
      },
    },
    (req) => updateFormRules(database, req.actor!, req.params.form, req.body.version, req.body.rules),
  );
  app.post(
    '/forms/:form/rules/test',
    reportingRoute({ action: 'read' }, 'Rule test bench: run (draft) rules over figures without saving / 规则试算', {
      params: z.object({ form: z.string() }),
      body: ruleTestBodySchema,
      response: { 200: ruleTestSchema, ...errors },
    }),
    (req) => testFormRules(database, req.actor!, req.params.form, req.body),
  );
  app.get(
    '/forms/:form/completeness',
    reportingRoute({ action: 'read' }, 'Who submitted on time, late or not at all / 报送完整性与及时性', {
      params: z.object({ form: z.string() }),
      querystring: z.object({ period: periodTextSchema }),
      response: { 200: completenessSchema, ...errors },
    }),
    (req) => formCompleteness(database, req.actor!, req.params.form, req.query.period),
  );
}

/** What is waiting for the signed-in reporter or reviewer. */
function reportingWorkRoutes(app: RouteApp, { database }: RouteDeps) {
  app.get(
    '/reporting/my-work',
    reportingRoute({ action: 'authenticated' }, 'My forms and open periods / 我的填报任务', { response: { 200: myWorkSchema } }),
    (req) => myReportingWork(database, req.actor!),
  );
  app.get(
    '/reporting/review-queue',
    reportingRoute({ action: 'review', resource: 'global' }, 'Submissions waiting for review / 待审核', {
      response: { 200: reviewQueueSchema },
    }),
    (req) => reviewQueue(database, req.actor!),
  );
  app.get(
    '/reporting/overdue',
    reportingRoute({ action: 'read' }, 'Reporters who owe figures / 逾期未报', { response: { 200: overdueSchema } }),
    (req) => overdueReporters(database, req.actor!),
  );
}

/** One data-entry sheet: read it, save draft figures. */
function entrySheetRoutes(app: RouteApp, { database }: RouteDeps) {
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
    reportingRoute(
      { action: 'report', resource: orgUnitOf },
      'Save draft figures and explanations (optimistic concurrency per cell) / 保存草稿',
      { params: submissionParams, body: saveEntryBodySchema, response: { 200: entrySheetSchema, ...errors } },
    ),
    (req) => saveEntry(database, req.actor!, req.params.form, req.params.orgUnit, req.params.period, req.body),
  );
}

/** Attachments and the workflow transitions of a submission. */
function submissionWorkflowRoutes(app: RouteApp, { database }: RouteDeps) {
  app.post(
    '/submissions/:form/:orgUnit/:period/attachments',
    reportingRoute(
      { action: 'report', resource: orgUnitOf },
      'Attach your uploads (POST /attachments) to a draft or returned sheet / 为报表添加附件',
      {
        params: submissionParams,
        body: z.object({ attachments: z.array(z.string().uuid()).min(1).max(20) }),
        response: { 200: entrySheetSchema, ...errors },
      },
    ),
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
        transitionSubmission(database, req.actor!, req.params.form, req.params.orgUnit, req.params.period, transition, req.body),
    );
  }
}
