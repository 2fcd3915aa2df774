import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reviewSchema } from '../../domain/ingestion/review-to-definition.ts';
import { draftSchema, importCountsSchema } from '../../presenters/ingestion.presenter.ts';
import { errorResponseSchema, rowIdSchema } from '../../presenters/page.schema.ts';
import { acceptDraft, createDraft, getDraft } from '../../services/ingestion.service.ts';
import { bodyField, namedPlan } from '../auth/access-control.ts';
import type { RouteDeps } from '../route-deps.ts';
import { routeOptions } from '../route-options.ts';

const ingestionRoute = routeOptions('ingestion');

export const ingestionRoutes =
  ({ database, limits }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/ingestion/drafts',
      ingestionRoute(
        { action: 'define_plans', resource: 'global' },
        'Upload a plan document (.txt, .docx, .pdf as the raw body) and get candidate targets and tasks / 上传规划文本并抽取',
        {
          querystring: z.object({
            fileName: z
              .string()
              .min(1)
              .max(200)
              .regex(/\.(txt|docx|pdf)$/i, 'fileName must end in .txt, .docx or .pdf'),
          }),
          response: { 201: draftSchema, 422: errorResponseSchema },
        },
      ),
      async (req, reply) => {
        const body = req.body as Buffer | string | undefined;
        const data = typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body ?? []);
        return reply.status(201).send(await createDraft(database, req.actor!, req.query.fileName, data, limits));
      },
    );
    app.get(
      '/ingestion/drafts/:id',
      ingestionRoute({ action: 'define_plans', resource: 'global' }, 'A draft with its document and candidates', {
        params: z.object({ id: rowIdSchema }),
        response: { 200: draftSchema, 404: errorResponseSchema },
      }),
      (req) => getDraft(database.db, req.actor!, req.params.id),
    );
    app.post(
      '/ingestion/drafts/:id/accept',
      {
        config: {
          access: {
            action: 'define_plans',
            resource: (req) => namedPlan((bodyField(req, 'plan') as { id?: unknown } | null)?.id),
          },
        },
        schema: {
          tags: ['ingestion'],
          summary: 'Merge the accepted (and edited) candidates into a new plan; all or nothing / 接受候选并生成规划',
          params: z.object({ id: rowIdSchema }),
          body: reviewSchema,
          response: {
            201: importCountsSchema,
            400: errorResponseSchema,
            422: errorResponseSchema,
          },
        },
      },
      async (req, reply) => {
        const counts = await acceptDraft(database, req.actor!, req.params.id, req.body);
        return reply.status(201).send({ plans: counts.plans, targets: counts.targets, tasks: counts.tasks });
      },
    );
  };
