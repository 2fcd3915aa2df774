import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { periodTextSchema } from '../../domain/period/period.ts';
import { errorResponseSchema, rowIdSchema } from '../../presenters/page.schema.ts';
import { inboxSchema, staleTargetsSchema, unreadCountSchema, warningListSchema } from '../../presenters/warning.presenter.ts';
import { listInbox, markInboxRead, markNotificationRead } from '../../services/notifications/inbox.service.ts';
import { listWarnings, staleTargets } from '../../services/warnings/warning-query.service.ts';
import type { RouteDeps } from '../route-deps.ts';
import { routeOptions } from '../route-options.ts';

const notificationsRoute = routeOptions('notifications');
const warningsRoute = routeOptions('warnings');

const bool = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

/** Early-warning episodes, stale targets and the personal inbox. */
export const warningRoutes =
  ({ database }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/warnings',
      warningsRoute({ action: 'read' }, 'Warning episodes per responsible unit (scope-filtered) / 预警记录（按责任单位）', {
        querystring: z.object({ plan: z.string().optional(), open: bool, orgUnit: z.string().optional() }),
        response: { 200: warningListSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      }),
      (req) => listWarnings(database, req.actor!, req.query),
    );
    app.get(
      '/progress/stale',
      {
        config: { access: { action: 'read', resource: (req) => ({ plan: (req.query as { plan: string }).plan }) } },
        schema: {
          tags: ['warnings'],
          summary: 'Targets with stale data and who owes the next figure / 数据陈旧的目标',
          querystring: z.object({ plan: z.string(), at: periodTextSchema.optional() }),
          response: { 200: staleTargetsSchema, 400: errorResponseSchema, 404: errorResponseSchema, 503: errorResponseSchema },
        },
      },
      (req) => staleTargets(database, req.actor!, req.query),
    );
    app.get(
      '/inbox',
      notificationsRoute({ action: 'authenticated' }, 'My notifications, newest first / 我的通知', {
        querystring: z.object({ unread: bool, limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: inboxSchema, 400: errorResponseSchema },
      }),
      (req) => listInbox(database, req.actor!, { unreadOnly: req.query.unread, limit: req.query.limit }),
    );
    app.post(
      '/inbox/:id/read',
      notificationsRoute({ action: 'authenticated' }, 'Mark one of my notifications read / 标记为已读', {
        params: z.object({ id: rowIdSchema }),
        response: { 200: unreadCountSchema, 404: errorResponseSchema },
      }),
      (req) => markNotificationRead(database, req.actor!, req.params.id),
    );
    app.post(
      '/inbox/read-all',
      notificationsRoute({ action: 'authenticated' }, 'Mark all my notifications read / 全部标记为已读', {
        response: { 200: unreadCountSchema },
      }),
      (req) => markInboxRead(database, req.actor!),
    );
  };
