import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decimal, userText } from '../../domain/model/common.schema.ts';
import { calendarMonthSchema } from '../../domain/period/calendar-date.ts';
import { periodTextSchema } from '../../domain/period/period.ts';
import { SHARED_INDICATORS } from '../../domain/projects/transfer-shares.ts';
import { errorResponseSchema, PG_INT_MAX, rowIdSchema, errorResponses } from '../../presenters/page.schema.ts';
import {
  agreementSchema,
  boardsSchema,
  chainListSchema,
  projectDetailSchema,
  projectListSchema,
  projectMapSchema,
  zoneAttributionSchema,
} from '../../presenters/project.presenter.ts';
import { boards, listChains, projectMap } from '../../services/projects/project-board.service.ts';
import {
  changeStage,
  createProject,
  getProject,
  listProjectsFor,
  saveMonthFigures,
  updateProjectFields,
} from '../../services/projects/project.service.ts';
import { createAgreement, endTransfer, listAgreements, zoneAttribution } from '../../services/projects/transfer.service.ts';
import { newTransferOwner, transferOwner } from '../auth/plan-owned-resources.ts';
import { projectZoneResource } from '../auth/unit-resources.ts';
import type { RouteDeps } from '../route-deps.ts';
import { bodyField, namedUnit } from '../auth/access-control.ts';
import { routeOptions } from '../route-options.ts';
import {
  projectCreateBodySchema,
  projectFiguresBodySchema,
  projectStageBodySchema,
  projectUpdateBodySchema,
  stageSchema,
} from '../../presenters/project-body.schema.ts';

const projectsRoute = routeOptions('projects');

const errors = errorResponses(400, 403, 404, 409, 422);
const month = calendarMonthSchema;
const stage = stageSchema;
const idParams = z.object({ id: rowIdSchema });
const sharePair = z.object({ from: decimal(), to: decimal() });

/** Projects (三张作战图) and cross-zone transfer agreements (跨区域流转); see docs/projects.md. */
export const projectRoutes =
  ({ database }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const projectZone = projectZoneResource(database.db);
    // A write on one project: `report` on its zone, its id in the path, the project as it then stands in the answer.
    const projectWrite = <B extends z.ZodType>(summary: string, body: B) =>
      projectsRoute({ action: 'report', resource: projectZone }, summary, {
        params: idParams,
        body,
        response: { 200: projectDetailSchema, ...errors },
      });

    app.get(
      '/projects',
      projectsRoute({ action: 'read' }, 'Projects in scope, filtered by zone, chain, stage / 项目列表', {
        querystring: z.object({ zone: z.string().optional(), chain: z.string().optional(), stage: stage.optional() }),
        response: { 200: projectListSchema, 400: errorResponseSchema },
      }),
      (req) => listProjectsFor(database, req.actor!, req.query),
    );
    app.post(
      '/projects',
      projectsRoute(
        { action: 'report', resource: (req) => namedUnit(bodyField(req, 'zone')) },
        "Create a project in a zone (the zone's reporters) / 新建项目",
        {
          body: projectCreateBodySchema,
          response: { 201: projectDetailSchema, ...errors },
        },
      ),
      async (req, reply) => reply.status(201).send(await createProject(database, req.actor!, req.body)),
    );
    app.get(
      '/projects/boards',
      projectsRoute(
        { action: 'read' },
        'The three battle maps 策划/包装/储备 and later stages, with stalled flags / 三张作战图',
        { querystring: z.object({ zone: z.string().optional(), chain: z.string().optional() }), response: { 200: boardsSchema } },
      ),
      (req) => boards(database, req.actor!, req.query),
    );
    app.get(
      '/projects/map',
      projectsRoute({ action: 'read' }, 'Projects per zone with their stages, for maps / 项目分布', {
        querystring: z.object({ chain: z.string().optional() }),
        response: { 200: projectMapSchema },
      }),
      (req) => projectMap(database, req.actor!, req.query),
    );
    app.get(
      '/projects/chains',
      projectsRoute({ action: 'read' }, 'Industry chains catalogue / 产业链目录', { response: { 200: chainListSchema } }),
      () => listChains(database),
    );
    app.get(
      '/projects/:id',
      projectsRoute({ action: 'read' }, 'One project with its history, monthly figures and transfers / 项目详情', {
        params: idParams,
        response: { 200: projectDetailSchema, 404: errorResponseSchema },
      }),
      (req) => getProject(database, req.actor!, req.params.id),
    );
    app.put(
      '/projects/:id',
      projectWrite('Edit a project (optimistic concurrency; every change kept) / 修改项目', projectUpdateBodySchema),
      (req) => updateProjectFields(database, req.actor!, req.params.id, req.body),
    );
    app.post(
      '/projects/:id/stage',
      projectWrite('Move a project to another stage (back-steps need a reason) / 阶段变更', projectStageBodySchema),
      (req) => changeStage(database, req.actor!, req.params.id, req.body),
    );
    app.put(
      '/projects/:id/figures',
      projectWrite('Enter monthly completed investment, output and tax (万元) / 填报月度数据', projectFiguresBodySchema),
      (req) => saveMonthFigures(database, req.actor!, req.params.id, req.body.version, req.body.figures),
    );
    app.get(
      '/transfers',
      projectsRoute({ action: 'read' }, 'Cross-zone transfer agreements touching the scope / 跨区域流转协议', {
        querystring: z.object({ zone: z.string().optional(), project: rowIdSchema.optional() }),
        response: { 200: z.array(agreementSchema) },
      }),
      (req) => listAgreements(database, req.actor!, req.query),
    );
    app.post(
      '/transfers',
      {
        // Both zones and the plans whose forms carry their figures (transfer-plans.ts); the service checks the zones again.
        config: { access: { action: 'define_plans', resource: newTransferOwner(database.db) } },
        schema: {
          tags: ['projects'],
          summary: 'Record a transfer agreement with benefit shares (sum 100 %) / 登记流转协议',
          body: z.object({
            project: z.number().int().positive(),
            fromZone: z.string().optional(),
            toZone: z.string(),
            shares: sharePair,
            indicatorShares: z
              .array(z.object({ indicator: z.enum(SHARED_INDICATORS), from: decimal(), to: decimal() }))
              .optional(),
            startMonth: month,
            endMonth: month.nullable().optional(),
            reference: userText().pipe(z.string().max(500)),
          }),
          response: { 201: agreementSchema, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await createAgreement(database, req.actor!, req.body)),
    );
    app.post(
      '/transfers/:id/end',
      projectsRoute(
        { action: 'define_plans', resource: transferOwner(database.db) },
        'End a transfer agreement at a month (earlier months stay shared) / 终止流转协议',
        {
          params: idParams,
          body: z.object({ version: z.number().int().min(1).max(PG_INT_MAX), endMonth: month, reason: userText() }),
          response: { 200: agreementSchema, ...errors },
        },
      ),
      (req) => endTransfer(database, req.actor!, req.params.id, req.body),
    );
    app.get(
      '/zones/:code/attribution',
      projectsRoute(
        { action: 'read' },
        "A zone's figures as reported and as attributed under transfer agreements / 园区数据（上报与分成后）",
        {
          params: z.object({ code: z.string() }),
          querystring: z.object({ at: periodTextSchema }),
          response: { 200: zoneAttributionSchema, ...errors },
        },
      ),
      (req) => zoneAttribution(database, req.actor!, req.params.code, req.query.at),
    );
  };
