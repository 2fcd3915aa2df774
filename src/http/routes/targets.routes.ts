import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, pageOf, pageQuerySchema } from '../../presenters/page.schema.ts';
import { consistencyItemSchema, targetResponseSchema } from '../../presenters/target.presenter.ts';
import { taskResponseSchema } from '../../presenters/task.presenter.ts';
import { queryTargets, queryTasks } from '../../services/target-query.service.ts';
import { findConsistencyIssues } from '../../services/consistency.service.ts';
import { readScope } from '../../services/read-scope.ts';
import type { RouteDeps } from '../route-deps.ts';
import { routeOptions } from '../route-options.ts';

const targetsRoute = routeOptions('targets');
const tasksRoute = routeOptions('tasks');

const planScope = {
  plan: z.string().optional().describe('plan ID'),
  section: z.string().optional().describe('section key: that section and its subsections (needs plan)'),
  q: z.string().max(200).optional().describe('text search'),
};

export const targetRoutes =
  ({ database }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/targets',
      targetsRoute({ action: 'read' }, 'Targets with baseline, comparator and quoted source / 目标', {
        querystring: pageQuerySchema.extend({
          ...planScope,
          indicator: z.string().optional(),
          orgUnit: z.string().optional(),
          group: z.string().optional(),
        }),
        response: { 200: pageOf(targetResponseSchema), 404: errorResponseSchema },
      }),
      async (req) => {
        const { limit, offset, ...filter } = req.query;
        return queryTargets(database.db, { ...filter, unitIds: await readScope(database.db, req.actor!) }, { limit, offset });
      },
    );
    app.get(
      '/consistency',
      targetsRoute(
        { action: 'read' },
        'Contradictions within and across plans: different figures for one thing, parts vs whole, units / 一致性检查',
        {
          querystring: z.object({ plan: z.string().optional() }),
          response: {
            200: z.object({ items: z.array(consistencyItemSchema) }),
          },
        },
      ),
      async (req) => ({ items: await findConsistencyIssues(database.db, req.query.plan) }),
    );
    app.get(
      '/tasks',
      tasksRoute({ action: 'read' }, 'Tasks with lead and co-units / 任务', {
        querystring: pageQuerySchema.extend({
          ...planScope,
          orgUnit: z.string().optional().describe('tasks this unit leads or co-operates on'),
          role: z.enum(['lead', 'co']).optional(),
        }),
        response: { 200: pageOf(taskResponseSchema), 404: errorResponseSchema },
      }),
      async (req) => {
        const { limit, offset, ...filter } = req.query;
        return queryTasks(database.db, { ...filter, unitIds: await readScope(database.db, req.actor!) }, { limit, offset });
      },
    );
  };
