import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, errorResponses, pageOf, pageQuerySchema } from '../../presenters/page.schema.ts';
import { importCountsSchema } from '../../presenters/ingestion.presenter.ts';
import { planResponseSchema, planSourceSchema, sectionResponseSchema } from '../../presenters/plan.presenter.ts';
import { getPlan, getPlanSections, getPlanSource, queryPlans } from '../../services/plan-query.service.ts';
import { parsePlanFile, parseStructuredText } from '../../domain/plan-definition/parse-plan-file.ts';
import { AppError } from '../../errors/app-error.ts';
import { importDefinitions } from '../../services/plan-import.service.ts';
import { PROGRESS_METHODS } from '../../domain/progress/method-class.ts';
import { choosePlanMethod } from '../../services/progress/plan-method.service.ts';
import { namedPlan } from '../auth/access-control.ts';
import type { RouteDeps } from '../route-deps.ts';
import { targetPatchSchema } from '../../domain/plan-revision/target-revision.ts';
import { planWithdrawalSchema, revisedTargetSchema, targetRevisionsSchema } from '../../presenters/target-revision.presenter.ts';
import { reviseTargetInPlace, targetRevisions } from '../../services/plans/target-revision.service.ts';
import { restorePlan, withdrawPlan } from '../../services/plans/plan-withdrawal.service.ts';
import { routeOptions } from '../route-options.ts';

const plansRoute = routeOptions('plans');

const planParams = z.object({ id: z.string().describe('plan ID, e.g. yunnan-ftz-2021-2025') });

export const planRoutes =
  ({ database, limits }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/plans',
      plansRoute({ action: 'read' }, 'List plans / 规划列表', {
        querystring: pageQuerySchema.extend({
          withdrawn: z
            .enum(['exclude', 'include', 'only'])
            .default('exclude')
            .describe('withdrawn (撤回) plans: left out by default'),
        }),
        response: { 200: pageOf(planResponseSchema) },
      }),
      (req) => {
        const { withdrawn, ...page } = req.query;
        return queryPlans(database.db, page, withdrawn);
      },
    );
    const targetParams = z.object({ id: z.string().describe('plan ID'), key: z.string().describe('target key') });
    const planResource = (req: { params: unknown }) => ({ plan: (req.params as { id: string }).id });
    app.get(
      '/plans/:id/targets/:key/revisions',
      plansRoute({ action: 'read' }, "A target's current values, version and revisions, newest first / 目标修订记录", {
        params: targetParams,
        response: { 200: targetRevisionsSchema, 404: errorResponseSchema },
      }),
      (req) => targetRevisions(database, req.actor!, req.params.id, req.params.key),
    );
    app.patch(
      '/plans/:id/targets/:key',
      plansRoute(
        { action: 'define_plans', resource: planResource },
        'Correct a published target in place (baseline, scope, target, unit) with a reason; quote the version read / 修订目标',
        {
          params: targetParams,
          body: targetPatchSchema,
          response: { 200: revisedTargetSchema, ...errorResponses(400, 403, 404, 409, 422) },
        },
      ),
      (req) => reviseTargetInPlace(database, req.actor!, { plan: req.params.id, key: req.params.key, patch: req.body }),
    );
    app.post(
      '/plans/:id/withdrawal',
      plansRoute(
        { action: 'define_plans', resource: planResource },
        'Withdraw a plan (撤回/停用): hidden by default, data kept; a reason is required / 撤回规划',
        {
          params: planParams,
          body: z.object({ reason: z.string().max(500) }),
          response: { 200: planWithdrawalSchema, ...errorResponses(404, 409, 422) },
        },
      ),
      (req) => withdrawPlan(database, req.actor!, req.params.id, req.body.reason),
    );
    app.delete(
      '/plans/:id/withdrawal',
      plansRoute(
        { action: 'define_plans', resource: planResource },
        'Restore a withdrawn plan (administrators only) / 恢复已撤回的规划',
        {
          params: planParams,
          response: { 200: planWithdrawalSchema, ...errorResponses(403, 404, 409) },
        },
      ),
      (req) => restorePlan(database, req.actor!, req.params.id),
    );
    app.put(
      '/plans/:id/progress-method',
      {
        config: { access: { action: 'define_plans', resource: (req) => ({ plan: (req.params as { id: string }).id }) } },
        schema: {
          tags: ['plans'],
          summary: "Choose the method that judges the plan's targets by default / 设置规划的进度评判方法",
          params: planParams,
          body: z.object({ method: z.enum(PROGRESS_METHODS).nullable() }),
          response: { 200: z.object({ plan: z.string(), method: z.enum(PROGRESS_METHODS) }), 404: errorResponseSchema },
        },
      },
      (req) => choosePlanMethod(database, req.actor!, req.params.id, req.body.method),
    );
    app.post(
      '/plans/import',
      {
        config: {
          access: {
            action: 'define_plans',
            resource: (req) => {
              // Read leniently, so that the manager of the plan a faulty file names still gets its errors;
              // a body that is no file at all (empty, unparsable, a bare value) names no plan and touches every one.
              const raw = parseStructuredText(String(req.body ?? ''));
              if (!raw.ok || raw.data === null || typeof raw.data !== 'object') return namedPlan(undefined);
              const plan = (raw.data as { plan?: unknown }).plan;
              const id = plan !== null && typeof plan === 'object' ? (plan as { id?: unknown }).id : undefined;
              return typeof id === 'string' ? { plan: id } : {};
            },
          },
        },
        schema: {
          tags: ['plans'],
          summary: 'Import a plan definition (YAML or JSON text, see docs/plan-definition-format.md); all or nothing / 导入规划',
          querystring: z.object({ replace: z.enum(['true', 'false']).default('false') }),
          body: z.string().max(20 * 1024 * 1024),
          response: {
            201: importCountsSchema,
            422: errorResponseSchema,
          },
        },
      },
      async (req, reply) => {
        const parsed = parsePlanFile(req.body, 'upload', { maxAliases: limits.maxYamlAliases, maxDepth: limits.maxYamlDepth });
        const result = parsed.ok
          ? await importDefinitions(database, [{ name: 'upload', definition: parsed.value }], {
              replace: req.query.replace === 'true',
              actor: req.actor!,
            })
          : parsed;
        if (!result.ok)
          throw new AppError(
            'INVALID_PLAN_FILE',
            `the plan file has ${result.errors.length} error(s); nothing was written`,
            `规划文件有 ${result.errors.length} 处错误，未写入任何数据`,
            result.errors,
          );
        return reply.status(201).send({ plans: result.counts.plans, targets: result.counts.targets, tasks: result.counts.tasks });
      },
    );
    app.get(
      '/plans/:id',
      plansRoute({ action: 'read' }, 'One plan', {
        params: planParams,
        response: { 200: planResponseSchema, 404: errorResponseSchema },
      }),
      (req) => getPlan(database.db, req.params.id),
    );
    app.get(
      '/plans/:id/sections',
      plansRoute({ action: 'read' }, 'Sections of a plan (章/节/专栏) with their text', {
        params: planParams,
        response: { 200: pageOf(sectionResponseSchema), 404: errorResponseSchema },
      }),
      (req) => getPlanSections(database.db, req.params.id),
    );
    app.get(
      '/plans/:id/source',
      plansRoute({ action: 'read' }, 'Normalised source text of a plan; quote offsets point into it', {
        params: planParams,
        response: { 200: planSourceSchema, 404: errorResponseSchema },
      }),
      (req) => getPlanSource(database.db, req.params.id),
    );
  };
