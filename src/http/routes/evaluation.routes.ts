import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarDateSchema } from '../../domain/period/calendar-date.ts';
import { errorResponseSchema, PG_INT_MAX, rowIdSchema, errorResponses } from '../../presenters/page.schema.ts';
import {
  gradeHistorySchema,
  publicationLevelSchema,
  supervisionResultSchema,
  runListSchema,
  runViewSchema,
  schemeListSchema,
  schemeVersionViewSchema,
  weightsResultSchema,
} from '../../presenters/evaluation.presenter.ts';
import { buildEvaluationDocx } from '../../reports/evaluation/build-docx.ts';
import { buildEvaluationXlsx } from '../../reports/evaluation/build-xlsx.ts';
import { createRun, getRun, listRuns, previewRun, publishRun } from '../../services/evaluation/run.service.ts';
import { getScheme, listSchemes, saveScheme } from '../../services/evaluation/scheme.service.ts';
import { ahp, entropy } from '../../services/evaluation/weights.service.ts';
import { bodyDigest, cachedAnswer } from '../../services/answers/answer-cache.ts';
import { runOwner, runUnitOwner, schemeRunOwner, schemeSaveOwner } from '../auth/plan-owned-resources.ts';
import { gradeHistory, runGradeHistory } from '../../services/evaluation/grade-history.service.ts';
import { superviseFromRun } from '../../services/evaluation/results-use.service.ts';
import type { RouteDeps } from '../route-deps.ts';
import { routeOptions } from '../route-options.ts';

const evaluationRoute = routeOptions('evaluation');

const isoDate = calendarDateSchema;
const year = z.number().int().min(1900).max(2200);
const samples = z
  .number()
  .int()
  .min(0)
  .max(100_000)
  .optional()
  .describe('Monte Carlo samples of the sensitivity analysis (default 2000; 0 = none)');
const seed = z.number().int().min(0).max(2_147_483_647).optional().describe('PRNG seed (default 20250101)');
const definition = z.record(z.string(), z.unknown()).describe('stored scheme definition (see docs/evaluation.md)');
const errors = errorResponses(400, 404, 409);
const runId = z.object({ id: rowIdSchema });

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const evaluationRoutes =
  ({ database }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/evaluation/schemes',
      evaluationRoute({ action: 'read' }, 'Evaluation schemes with their versions / 考核评价方案列表', {
        response: { 200: schemeListSchema },
      }),
      async () => listSchemes(database),
    );
    app.get(
      '/evaluation/schemes/:code',
      evaluationRoute({ action: 'read' }, 'One version of a scheme (the latest unless asked) / 评价方案（某一版本）', {
        params: z.object({ code: z.string() }),
        querystring: z.object({ version: rowIdSchema.optional() }),
        response: { 200: schemeVersionViewSchema, 404: errorResponseSchema },
      }),
      async (req) => getScheme(database, req.params.code, req.query.version),
    );
    app.put(
      '/evaluation/schemes/:code',
      {
        // The scheme's plans (stored and cited by the new definition): another plan's scheme is not the caller's.
        config: { access: { action: 'define_plans', resource: schemeSaveOwner(database.db) } },
        schema: {
          tags: ['evaluation'],
          summary: 'Save a scheme: a draft in place, a frozen version as version + 1 / 保存评价方案（冻结版本另存新版）',
          params: z.object({ code: z.string() }),
          body: z.object({
            definition,
            baseVersion: z.number().int().min(0).describe('the version the editor started from; 0 for a new scheme'),
            updatedAt: z.string().optional().describe('updatedAt the editor read; a later save by someone else → 409'),
            publishes: publicationLevelSchema.optional().describe('default: as the version it follows, else score'),
          }),
          response: { 200: schemeVersionViewSchema, ...errors },
        },
      },
      async (req) => saveScheme(database, req.actor!, req.params.code, req.body),
    );
    app.post(
      '/evaluation/preview',
      evaluationRoute(
        { action: 'define_plans', resource: 'global' },
        'Evaluate an unsaved definition on a year, storing nothing / 方案试算（不保存）',
        { body: z.object({ definition, year, samples, seed }), response: { 200: runViewSchema, ...errors } },
      ),
      // Kept like the dashboards' answers (answer-cache.ts): trying a draft again, or another planner
      // trying the same one, is answered without evaluating it again until the figures change.
      async (req) =>
        cachedAnswer(database, `${req.url}:${bodyDigest(req.body)}`, req.actor!, () => previewRun(database, req.body)),
    );
    app.post(
      '/evaluation/weights',
      evaluationRoute(
        { action: 'define_plans', resource: 'global' },
        'Weights by AHP (refuses CR ≥ 0.1) or the entropy method / 层次分析法或熵权法赋权',
        {
          body: z.discriminatedUnion('method', [
            z.object({ method: z.literal('ahp'), matrix: z.array(z.array(z.number().positive())).min(1) }),
            z.object({ method: z.literal('entropy'), definition, year }),
          ]),
          response: { 200: weightsResultSchema, ...errors },
        },
      ),
      async (req) => (req.body.method === 'ahp' ? ahp(req.body.matrix) : entropy(database, req.body)),
    );
    app.post(
      '/evaluation/runs',
      evaluationRoute(
        { action: 'define_plans', resource: schemeRunOwner(database.db) },
        'Run a scheme version on a year and store the result as a draft / 开展评价（保存为草稿）',
        {
          body: z.object({
            scheme: z.string(),
            version: z.number().int().positive().max(PG_INT_MAX).optional(),
            year,
            samples,
            seed,
          }),
          response: { 200: runViewSchema, ...errors },
        },
      ),
      async (req) => createRun(database, req.actor!, req.body),
    );
    app.get(
      '/evaluation/runs',
      evaluationRoute({ action: 'read' }, 'Evaluation runs, newest first / 评价结果列表', {
        querystring: z.object({
          scheme: z.string().optional(),
          year: z.coerce.number().int().min(0).max(PG_INT_MAX).optional(),
        }),
        response: { 200: runListSchema },
      }),
      async (req) => listRuns(database, req.actor!, req.query),
    );
    app.get(
      '/evaluation/runs/:id',
      evaluationRoute({ action: 'read' }, 'One evaluation run: scores, ranks, grades, contributions, sensitivity / 评价结果', {
        params: runId,
        response: { 200: runViewSchema, 404: errorResponseSchema },
      }),
      async (req) => getRun(database, req.actor!, req.params.id),
    );
    app.post(
      '/evaluation/runs/:id/publish',
      evaluationRoute(
        { action: 'define_plans', resource: runOwner(database.db) },
        'Publish a run; its scheme version is frozen / 发布评价结果（方案版本冻结）',
        { params: runId, response: { 200: runViewSchema, ...errors } },
      ),
      async (req) => publishRun(database, req.actor!, req.params.id),
    );
    app.post(
      '/evaluation/runs/:id/supervise',
      evaluationRoute(
        { action: 'define_plans', resource: runUnitOwner(database.db) },
        'Turn a bottom-graded, vetoed or floor-capped unit of a published run into a 督办 task in one step / 据评价结果一键督办',
        {
          params: runId,
          body: z.object({
            unit: z.string().min(1).describe('the unit code in the run'),
            replyBy: isoDate.describe('reply deadline of the 督办单 (also the task deadline)'),
            text: z.string().max(4000).optional().describe('督办 text; default: the result and its explanation'),
          }),
          response: { 200: supervisionResultSchema, ...errors },
        },
      ),
      async (req) => superviseFromRun(database, req.actor!, req.params.id, req.body),
    );
    app.get(
      '/evaluation/units/:code/grades',
      evaluationRoute({ action: 'read' }, "A unit's grades across published runs / 单位历年评价等级", {
        params: z.object({ code: z.string().min(1) }),
        response: { 200: gradeHistorySchema, 404: errorResponseSchema },
      }),
      async (req) => gradeHistory(database, req.actor!, req.params.code),
    );
    for (const [file, format, build] of [
      ['report.docx', 'docx', buildEvaluationDocx],
      ['results.xlsx', 'xlsx', buildEvaluationXlsx],
    ] as const)
      app.get(
        `/evaluation/runs/:id/${file}`,
        {
          config: {
            access: { action: 'read' },
            exportAudit: (req) => ({
              what: 'evaluation_run',
              scope: String((req.params as { id: string | number }).id),
              format,
              details: { lang: (req.query as { lang?: string }).lang ?? 'zh' },
            }),
          },
          schema: {
            tags: ['evaluation'],
            summary:
              format === 'docx'
                ? 'The evaluation report (Word) / 评价报告（Word）'
                : 'The result tables (Excel) / 评价结果表（Excel）',
            params: runId,
            querystring: z.object({ lang: z.enum(['zh', 'en']).default('zh') }),
            produces: [CONTENT_TYPES[format]],
          },
        },
        async (req, reply) => {
          const run = await getRun(database, req.actor!, req.params.id);
          const body = await build(run, req.query.lang, await runGradeHistory(database, req.actor!, run));
          const name = `evaluation-${run.scheme.code}-${run.year}-run${run.id}.${format}`;
          return reply
            .header('content-type', CONTENT_TYPES[format])
            .header('content-disposition', `attachment; filename="${name}"`)
            .send(body);
        },
      );
  };
