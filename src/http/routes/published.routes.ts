import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../presenters/page.schema.ts';
import {
  acceptRequestSchema,
  acceptResponseSchema,
  proposeRequestSchema,
  proposeResponseSchema,
} from '../../presenters/published-intake.presenter.ts';
import { acceptPublishedFigures, proposePublishedFigures } from '../../services/published-intake.service.ts';
import { bodyField, namedPlan } from '../auth/access-control.ts';
import type { RouteDeps } from '../route-deps.ts';
import { routeOptions } from '../route-options.ts';

const progressRoute = routeOptions('progress');

/** The plan the body names; a body naming none needs a grant over every plan (403 for a plan-scoped manager). */
const bodyPlan = (req: FastifyRequest) => namedPlan(bodyField(req, 'plan'));

/**
 * Published figures entered from a bulletin, work report or news item (issue 15 item 3): propose from the
 * text, then store what the plan manager accepted, with the citation.
 */
export const publishedRoutes =
  ({ database }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/published-figures/proposals',
      progressRoute(
        { action: 'define_plans', resource: bodyPlan },
        "Propose the figures a published text states for the plan's indicators (nothing is stored) / 从公报提取数据建议",
        { body: proposeRequestSchema, response: { 200: proposeResponseSchema, 404: errorResponseSchema } },
      ),
      (req) => proposePublishedFigures(database, req.actor!, req.body),
    );
    app.post(
      '/published-figures',
      progressRoute(
        { action: 'define_plans', resource: bodyPlan },
        'Store accepted published figures with their citation, all or nothing / 保存经审核的公开发布数据',
        {
          body: acceptRequestSchema,
          response: { 201: acceptResponseSchema, 400: errorResponseSchema, 404: errorResponseSchema },
        },
      ),
      async (req, reply) => reply.status(201).send(await acceptPublishedFigures(database, req.actor!, req.body)),
    );
  };
