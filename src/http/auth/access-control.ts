import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { authorize, type Resource } from '../../domain/access/authorize.ts';
import type { Action } from '../../domain/access/roles.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { parentLinks } from '../../repositories/org-unit.repository.ts';
import type { Actor } from '../../services/actor.ts';
import { actorFromSession, actorFromToken } from '../../services/auth.service.ts';
import { flawedInputError } from '../input/well-formed-input.ts';

/**
 * What a request touches, computed from its params, query and (not yet validated) body before any
 * schema check: the function must cope with any shape and name every plan and org unit involved.
 */
export type ResourceOf = (req: FastifyRequest) => Resource | Promise<Resource>;

/**
 * Every API route declares who may call it. A route without a rule cannot be registered, so a new
 * endpoint can never be open by accident; the authorization matrix test walks this table. A rule
 * beyond reading must also say what it touches: a resource function, or 'global' for an act the
 * role alone decides (user administration, backups, the caller's own drafts and queues, whose
 * services filter by scope).
 */
export type AccessRule =
  | { action: 'public' }
  | { action: 'authenticated' }
  | { action: 'read'; resource?: ResourceOf }
  | { action: Exclude<Action, 'read'>; resource: ResourceOf | 'global' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionCsrf: string | null;
  }
}

export const SESSION_COOKIE = 'pt_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RouteAccess {
  method: string;
  url: string;
  access: AccessRule;
}

async function accessControl(app: FastifyInstance, opts: { database: Database; routes: RouteAccess[] }) {
  const { database } = opts;
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrf', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} has no access rule`);
    if (access.action !== 'public' && access.action !== 'authenticated' && access.action !== 'read' && !access.resource)
      throw new Error(`route ${String(route.method)} ${route.url} (${access.action}) does not declare what it touches`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') opts.routes.push({ method, url: route.url, access });
  });

  // Authentication first, so an anonymous caller gets 401 before any validation detail. The rule
  // comes from the route the router matched (it decodes %61pi to api), never from the raw URL.
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access) return;
    req.routeOptions.config.ahead?.(req);
    const ip = req.ip ?? null;
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      req.actor = await actorFromToken(database, bearer, ip);
      if (!req.actor)
        throw new AppError('INVALID_TOKEN', 'the API token is invalid, expired or revoked', 'API 令牌无效、已过期或已撤销');
      return;
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (cookie) {
      const found = await actorFromSession(database, cookie, ip);
      if (found) {
        req.actor = found.actor;
        req.sessionCsrf = found.csrfToken;
      }
    }
    if (access.action !== 'public' && !req.actor) throw new AppError('UNAUTHENTICATED', 'sign in first', '请先登录');
  });

  // Authorization before the body is validated, so a refused role never sees the schema's details.
  app.addHook('preValidation', async (req: FastifyRequest, _reply: FastifyReply) => {
    const access = req.routeOptions.config?.access;
    if (!access || access.action === 'public') return;
    const actor = req.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'sign in first', '请先登录');
    if (UNSAFE.has(req.method)) {
      if (actor.via === 'token' && !actor.tokenScopes?.includes('write'))
        throw new AppError('TOKEN_READ_ONLY', 'this API token may only read', '该 API 令牌只有读取权限');
      if (actor.via === 'session' && req.headers[CSRF_HEADER] !== req.sessionCsrf)
        throw new AppError('CSRF', 'missing or wrong CSRF token', 'CSRF 校验失败');
    }
    if (access.action === 'authenticated') return;
    // A caller without the role anywhere is refused before anything of the input is looked at.
    if (!authorize(actor.grants, access.action, {}, () => undefined)) throw forbidden();
    // The resource functions look the named units, plans and rows up in the database: text no query
    // can carry (NUL, a lone surrogate) is refused first, as the 400 the caller gets later anyway.
    const flawed = flawedInputError(req);
    if (flawed) throw flawed;
    const resource = access.resource && access.resource !== 'global' ? await access.resource(req) : {};
    const parents =
      resource.orgUnit === undefined && !resource.orgUnits?.length
        ? new Map<string, string | null>()
        : await parentLinks(database.db);
    if (!authorize(actor.grants, access.action, resource, (c) => parents.get(c))) {
      // Reading one unit outside the caller's subtree answers as if it did not exist (as the services do).
      if (access.action === 'read' && resource.orgUnit !== undefined)
        throw new AppError('NOT_FOUND', `${resource.orgUnit} not found`, `未找到 ${resource.orgUnit}`);
      throw forbidden();
    }
  });
}

const forbidden = () => new AppError('FORBIDDEN', 'you may not do this here', '无权执行此操作或超出您的管辖范围');

export const accessControlPlugin = fp(accessControl, { name: 'access-control', dependencies: ['@fastify/cookie'] });

/** A field of the not-yet-validated body, of any shape (undefined when the body is no object). */
export function bodyField(req: FastifyRequest, key: string): unknown {
  const body = req.body;
  if (body === null || typeof body !== 'object') return undefined;
  return (body as Record<string, unknown>)[key];
}

/** A string field of the not-yet-validated body (or undefined), for resource functions. */
export function bodyText(req: FastifyRequest, key: string): string | undefined {
  const value = bodyField(req, key);
  return typeof value === 'string' ? value : undefined;
}

/**
 * What a write naming one plan in its body touches; a body naming none (or not as text) touches
 * every plan, so a plan-limited grant is refused before validation rather than shown the schema.
 */
export function namedPlan(plan: unknown): Resource {
  return typeof plan === 'string' ? { plan } : { everyPlan: true };
}

/** The same for a write naming one org unit: naming none needs a grant over the whole tree. */
export function namedUnit(orgUnit: unknown): Resource {
  return typeof orgUnit === 'string' ? { orgUnit } : { everyUnit: true };
}

/**
 * The plan a read names in `?plan=`: such a read needs a grant covering that plan (a manager of
 * other plans is refused); without one the service filters the list to readablePlans.
 */
export function queryPlan(req: FastifyRequest): Resource {
  const plan = (req.query as Record<string, unknown> | undefined)?.plan;
  return typeof plan === 'string' ? { plan } : {};
}

/** A path parameter as the router matched it. */
export function param(req: FastifyRequest, key: string): string {
  return String((req.params as Record<string, unknown>)[key] ?? '');
}

/** A positive integer path parameter, or 0 when it is not one (so a lookup finds nothing, never throws). */
export function idParam(req: FastifyRequest, key: string): number {
  const text = param(req, key);
  const n = /^\d{1,9}$/.test(text) ? Number(text) : 0;
  return n;
}
