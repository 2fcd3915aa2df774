import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiTokenSchema,
  createdTokenSchema,
  loginResponseSchema,
  meSchema,
  newTokenBodySchema,
} from '../../presenters/auth.presenter.ts';
import { errorResponseSchema, rowIdSchema } from '../../presenters/page.schema.ts';
import { login, logout } from '../../services/auth.service.ts';
import { createToken, ownAccount, ownTokens, revokeOwnToken } from '../../services/user.service.ts';
import { SESSION_COOKIE } from '../auth/access-control.ts';
import type { RouteDeps } from '../route-deps.ts';
import { routeOptions } from '../route-options.ts';

const authRoute = routeOptions('auth');

export const authRoutes =
  ({ database }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/auth/login',
      {
        config: { access: { action: 'public' }, rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets an httpOnly session cookie and returns the CSRF token / 登录',
          body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
          response: {
            200: loginResponseSchema,
            401: errorResponseSchema,
            429: errorResponseSchema,
          },
        },
      },
      async (req, reply) => {
        const r = await login(database, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
        reply.setCookie(SESSION_COOKIE, r.sessionSecret, {
          httpOnly: true,
          sameSite: 'lax',
          secure: req.protocol === 'https',
          path: '/',
          expires: r.expiresAt,
        });
        return { csrfToken: r.csrfToken, expiresAt: r.expiresAt.toISOString() };
      },
    );
    app.post(
      '/auth/logout',
      authRoute({ action: 'authenticated' }, 'Sign out / 退出', { response: { 204: z.null() } }),
      async (req, reply) => {
        const secret = req.cookies[SESSION_COOKIE];
        if (secret) await logout(database, secret, req.actor!);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/auth/me',
      authRoute({ action: 'authenticated' }, 'Who am I, with roles and scopes', { response: { 200: meSchema } }),
      async (req) => {
        const actor = req.actor!;
        const user = await ownAccount(database.db, actor);
        return {
          username: user.username,
          displayName: user.display_name,
          orgUnit: user.org_unit_code && user.org_unit_name ? { code: user.org_unit_code, name: user.org_unit_name } : null,
          grants: actor.grants.map((g) => ({ ...g, scopePlans: g.scopePlans ? [...g.scopePlans] : null })),
          via: actor.via,
          csrfToken: req.sessionCsrf,
        };
      },
    );
    app.get(
      '/auth/tokens',
      authRoute({ action: 'authenticated' }, 'My personal API tokens (never their secrets)', {
        response: {
          200: z.object({
            items: z.array(apiTokenSchema),
          }),
        },
      }),
      async (req) => ({
        items: (await ownTokens(database.db, req.actor!)).map((t) => ({
          id: t.id,
          name: t.name,
          scopes: t.scopes,
          createdAt: new Date(t.created_at).toISOString(),
          revoked: t.revoked_at !== null,
          lastUsedAt: t.last_used_at ? t.last_used_at.toISOString() : null,
        })),
      }),
    );
    app.post(
      '/auth/tokens',
      authRoute({ action: 'authenticated' }, 'Create a personal API token; the secret is shown once / 创建个人 API 令牌', {
        body: newTokenBodySchema,
        response: { 201: createdTokenSchema },
      }),
      async (req, reply) => {
        const expiresAt = req.body.expiresInDays ? new Date(Date.now() + req.body.expiresInDays * 86_400_000) : null;
        return reply.status(201).send(await createToken(database, req.actor!, { ...req.body, expiresAt }));
      },
    );
    app.delete(
      '/auth/tokens/:id',
      authRoute({ action: 'authenticated' }, 'Revoke one of my tokens', {
        params: z.object({ id: rowIdSchema }),
        response: { 204: z.null(), 404: errorResponseSchema },
      }),
      async (req, reply) => {
        await revokeOwnToken(database, req.actor!, req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
