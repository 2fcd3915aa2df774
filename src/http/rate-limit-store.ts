import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../db/database.ts';
import { countHit, readHits } from '../repositories/rate-limit.repository.ts';

type RouteInfo = { method?: string | readonly string[]; url?: string };
type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A rate-limit store in the database rather than in one process's memory, so that two app instances
 * behind a load balancer share one budget per client (issue 22: each counted alone before, which
 * doubled the login attempts an address could make). Keys are per route: one route's budget is not
 * spent by another's requests.
 */
export function databaseRateLimitStore(database: Database): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(private readonly scope = '*') {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      countHit(database.db, `${this.scope}|${key}`, timeWindow).then(
        ({ hits, msLeft }) => callback(null, { current: hits, ttl: msLeft }),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    }

    read(key: string, callback: Callback): void {
      readHits(database.db, `${this.scope}|${key}`).then(
        ({ hits, msLeft }) => callback(null, { current: hits, ttl: msLeft }),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    }

    // The plugin passes the route's merged limit settings, whose `routeInfo` is the route (typed as the route itself).
    child(options: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route: RouteInfo = 'routeInfo' in options ? (options.routeInfo as RouteInfo) : options;
      const method = Array.isArray(route.method) ? route.method.join(',') : String(route.method ?? '');
      return new DatabaseStore(`${method} ${route.url ?? ''}`);
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}
