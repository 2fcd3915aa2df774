import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { leaderHomeSchema, planManagerHomeSchema } from '../../presenters/home.presenter.ts';
import { leaderHome } from '../../services/home/leader-home.service.ts';
import { planManagerHome } from '../../services/home/plan-manager-home.service.ts';
import { dashboardReads } from '../../db/database.ts';
import type { RouteDeps } from '../route-deps.ts';
import { routeOptions } from '../route-options.ts';

const progressRoute = routeOptions('progress');

/**
 * The role homes (issue 19). Reporters and reviewers land on pages that already exist (填报, 审核队列);
 * the leader's summary and the plan manager's plans each have one endpoint.
 */
export const homeRoutes =
  ({ database }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/home/summary',
      progressRoute(
        { action: 'read' },
        'Where we are, in the reader scope: classes, warnings, worst laggards, freshness, evaluations / 领导首页概览',
        { response: { 200: leaderHomeSchema } },
      ),
      (req) => leaderHome(dashboardReads(database), req.actor!),
    );
    app.get(
      '/home/plans',
      progressRoute(
        { action: 'define_plans', resource: 'global' },
        'The plans I manage with data-path coverage, stale figures and warnings / 规划管理员首页',
        { response: { 200: planManagerHomeSchema } },
      ),
      (req) => planManagerHome(dashboardReads(database), req.actor!),
    );
  };
