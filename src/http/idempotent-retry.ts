import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { isTransientDatabaseError } from '../db/transient-error.ts';

const ATTEMPTS = 3;
const DELAY_MS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Reads (GET/HEAD) that fail because the database dropped a connection (a restart or a failover)
 * are run again, up to three times, before the caller sees an error: they change nothing, so a second
 * run cannot do harm. Writes are not retried here (the first may have committed): they answer 503 and
 * the client decides. Register before the routes: it wraps each handler as the route is added.
 */
export function retryIdempotentReads(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.every((m) => m === 'GET' || m === 'HEAD')) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function retrying(req, reply) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await handler.call(this, req, reply);
        } catch (err) {
          if (attempt >= ATTEMPTS || reply.sent || !isTransientDatabaseError(err)) throw err;
          req.log.warn(`database unavailable, retrying ${req.method} ${req.url} (attempt ${attempt + 1})`);
          await sleep(DELAY_MS * attempt);
        }
      }
    };
  });
}
