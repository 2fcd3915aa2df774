import type { FastifySchema } from 'fastify';
import type { AccessRule } from './auth/access-control.ts';

/**
 * The options of the routes of one OpenAPI tag: who may call a route (its access rule), its summary
 * and the schema of what it takes and answers. A routes file names its tag once and each route says
 * only what is its own; routes with more options (rate limits, export audits, checks before
 * validation) spell their options out.
 */
export function routeOptions(tag: string) {
  return <S extends FastifySchema>(access: AccessRule, summary: string, schema: S) => ({
    config: { access },
    schema: { tags: [tag], summary, ...schema },
  });
}
