import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { periodTextSchema } from '../../domain/period/period.ts';
import { industryMapSchema, zoneProfileSchema } from '../../presenters/industry-map.presenter.ts';
import { errorResponseSchema } from '../../presenters/page.schema.ts';
import { industryMap } from '../../services/industry-map/industry-map.service.ts';
import { zoneProfile } from '../../services/industry-map/zone-profile.service.ts';
import type { RouteDeps } from '../route-deps.ts';
import { routeOptions } from '../route-options.ts';

const industryMapRoute = routeOptions('industry map');

export const industryMapRoutes =
  ({ database }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/industry-map',
      industryMapRoute(
        { action: 'read' },
        'Zones in your scope by industry chain and level, placed on the Yunnan map / 产业地图',
        {
          querystring: z.object({
            chain: z.string().max(64).optional().describe('chain code, e.g. green_silicon'),
            industry: z.string().max(64).optional().describe('industry code, e.g. biomedicine'),
            level: z.enum(['national', 'provincial']).optional(),
          }),
          response: { 200: industryMapSchema, 400: errorResponseSchema },
        },
      ),
      async (req) => industryMap(database, req.actor!, req.query),
    );
    app.get(
      '/zones/:code/profile',
      industryMapRoute({ action: 'read' }, 'One zone: facts, chains, targets with progress judged on its figures / 园区画像', {
        params: z.object({ code: z.string().max(64) }),
        querystring: z.object({ at: periodTextSchema.optional().describe('as-of period; default: last whole year') }),
        response: { 200: zoneProfileSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      }),
      async (req) => zoneProfile(database, req.actor!, req.params.code, req.query),
    );
  };
