import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../presenters/page.schema.ts';
import {
  COMPARISON_BY,
  comparisonSchema,
  mapDataSchema,
  planProgressSchema,
  progressMethodSchema,
  targetDetailSchema,
} from '../../presenters/progress.presenter.ts';
import { periodTextSchema } from '../../domain/period/period.ts';
import { comparison, mapData } from '../../services/progress/comparison.service.ts';
import { planProgress, targetProgressDetail } from '../../services/progress/plan-progress.service.ts';
import { planCoverage } from '../../services/progress/coverage.service.ts';
import { planCoverageSchema } from '../../presenters/coverage.presenter.ts';
import { commentarySchema, commentaryWriteSchema, targetCommentarySchema } from '../../presenters/commentary.presenter.ts';
import { assertMayWriteCommentary, targetCommentary, writeCommentary } from '../../services/progress/commentary.service.ts';
import { flawedInputError } from '../input/well-formed-input.ts';
import { dashboardReads } from '../../db/database.ts';
import { keptAnswers } from '../kept-answer.ts';
import type { RouteDeps } from '../route-deps.ts';
import { routeOptions } from '../route-options.ts';

const progressRoute = routeOptions('progress');

const at = periodTextSchema.describe('as-of period: 2024, 2024Q2 or 2024-06');

export const progressRoutes =
  ({ database }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Dashboard questions may be answered by the hot standby (issue 22); writes and the coverage, which
    // names who owes a figure right now, stay on the primary.
    const reads = dashboardReads(database);
    // The judged answers are kept until something they depend on may have changed (answer-cache.ts).
    const kept = keptAnswers(reads);
    app.get(
      '/progress',
      kept.options(
        progressRoute({ action: 'read' }, 'Every target of a plan judged as of a period, with warnings / 规划目标进度与预警', {
          querystring: z.object({ plan: z.string(), at, method: progressMethodSchema.optional() }),
          response: { 200: planProgressSchema, 400: errorResponseSchema, 404: errorResponseSchema },
        }),
      ),
      async (req, reply) => kept(req, reply, () => planProgress(reads, req.actor!, req.query)),
    );
    app.get(
      '/coverage',
      progressRoute(
        { action: 'read' },
        'Where every target of a plan gets its figure, who owes it, the last figure / 目标数据来源覆盖',
        {
          querystring: z.object({ plan: z.string(), at: at.optional() }),
          response: { 200: planCoverageSchema, 400: errorResponseSchema, 404: errorResponseSchema },
        },
      ),
      async (req) => planCoverage(database, req.actor!, req.query),
    );
    app.get(
      '/progress/map',
      kept.options(
        progressRoute({ action: 'read' }, 'One indicator on the Yunnan map: prefectures and zones / 地图数据', {
          querystring: z.object({ indicator: z.string(), at, plan: z.string().optional() }),
          response: { 200: mapDataSchema, 400: errorResponseSchema, 404: errorResponseSchema },
        }),
      ),
      async (req, reply) => kept(req, reply, () => mapData(reads, req.actor!, req.query)),
    );
    app.get(
      '/progress/:plan/targets/:key',
      kept.options(
        progressRoute({ action: 'read' }, 'One target in depth: series, yearly values judged, projection band / 目标进度详情', {
          params: z.object({ plan: z.string(), key: z.string() }),
          querystring: z.object({ at, method: progressMethodSchema.optional() }),
          response: { 200: targetDetailSchema, 400: errorResponseSchema, 404: errorResponseSchema },
        }),
      ),
      async (req, reply) =>
        kept(req, reply, () =>
          targetProgressDetail(reads, req.actor!, { plan: req.params.plan, target: req.params.key, ...req.query }),
        ),
    );
    app.get(
      '/progress/:plan/targets/:key/commentary',
      progressRoute({ action: 'read' }, "A target's owner and commentary per period, newest first / 目标责任单位与进展说明", {
        params: z.object({ plan: z.string(), key: z.string() }),
        querystring: z.object({ period: periodTextSchema.optional() }),
        response: { 200: targetCommentarySchema, 400: errorResponseSchema, 404: errorResponseSchema },
      }),
      async (req) => targetCommentary(database, req.actor!, { ...req.params, period: req.query.period }),
    );
    // Who may write is decided per target (its responsible unit's reporters and reviewers, the plan's
    // managers: src/domain/progress/commentary-rights.ts): no single action says it, so the route asks
    // for a signed-in writer and checks the target itself, still before the body is validated.
    app.put(
      '/progress/:plan/targets/:key/commentary/:period',
      {
        config: { access: { action: 'authenticated' } },
        preValidation: async (req) => {
          const flawed = flawedInputError(req);
          if (flawed) throw flawed;
          const { plan, key } = req.params as { plan: string; key: string };
          await assertMayWriteCommentary(database, req.actor!, plan, key);
        },
        schema: {
          tags: ['progress'],
          summary: "Write a target's commentary for a period (version: 0 when new, else the one read) / 填写目标进展说明",
          params: z.object({ plan: z.string(), key: z.string(), period: periodTextSchema }),
          body: commentaryWriteSchema,
          response: {
            200: commentarySchema,
            400: errorResponseSchema,
            403: errorResponseSchema,
            404: errorResponseSchema,
            409: errorResponseSchema,
            422: errorResponseSchema,
          },
        },
      },
      async (req) => writeCommentary(database, req.actor!, { ...req.params, ...req.body }),
    );
    app.get(
      '/progress/:plan/comparison',
      progressRoute({ action: 'read' }, 'One indicator across prefectures, 板块, zone levels or 主体功能区 types / 分组比较', {
        params: z.object({ plan: z.string() }),
        querystring: z.object({ indicator: z.string(), at, by: z.enum(COMPARISON_BY).optional() }),
        response: { 200: comparisonSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      }),
      async (req, reply) => kept(req, reply, () => comparison(reads, req.actor!, { ...req.query, plan: req.params.plan })),
    );
  };
