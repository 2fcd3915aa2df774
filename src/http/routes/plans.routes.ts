import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, pageOf, pageQuerySchema } from '../../presenters/page.schema.ts';
import { planResponseSchema, sectionResponseSchema } from '../../presenters/plan.presenter.ts';
import { getPlan, getPlanSections, getPlanSource, queryPlans } from '../../services/plan-query.service.ts';
import type { RouteDeps } from '../route-deps.ts';

const planParams = z.object({ id: z.string().describe('plan ID, e.g. yunnan-ftz-2021-2025') });

export const planRoutes =
  ({ database }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/plans',
      {
        schema: {
          tags: ['plans'],
          summary: 'List plans / 规划列表',
          querystring: pageQuerySchema,
          response: { 200: pageOf(planResponseSchema) },
        },
      },
      (req) => queryPlans(database.db, req.query),
    );
    app.get(
      '/plans/:id',
      {
        schema: {
          tags: ['plans'],
          summary: 'One plan',
          params: planParams,
          response: { 200: planResponseSchema, 404: errorResponseSchema },
        },
      },
      (req) => getPlan(database.db, req.params.id),
    );
    app.get(
      '/plans/:id/sections',
      {
        schema: {
          tags: ['plans'],
          summary: 'Sections of a plan (章/节/专栏) with their text',
          params: planParams,
          response: { 200: pageOf(sectionResponseSchema), 404: errorResponseSchema },
        },
      },
      (req) => getPlanSections(database.db, req.params.id),
    );
    app.get(
      '/plans/:id/source',
      {
        schema: {
          tags: ['plans'],
          summary: 'Normalised source text of a plan; quote offsets point into it',
          params: planParams,
          response: { 200: z.object({ planId: z.string(), fileName: z.string(), text: z.string() }), 404: errorResponseSchema },
        },
      },
      (req) => getPlanSource(database.db, req.params.id),
    );
  };
