import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { InputLimits } from '../config/input-limits.ts';
import type { Database } from '../db/database.ts';

/** What route plugins receive; routes stay thin and hand the work to services. */
export interface RouteDeps {
  database: Database;
  /** Bounds on uploads (src/config/input-limits.ts). */
  limits: InputLimits;
  /** Signs audit heads (src/config/audit-key.ts). */
  auditKey: string;
}

/** The Fastify instance a routes file registers on, typed by the zod provider. */
export type RouteApp = Parameters<FastifyPluginAsyncZod>[0];
