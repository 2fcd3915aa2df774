import { z } from 'zod';
import { ERROR_CODES } from '../errors/error-catalogue.ts';

export const MAX_LIMIT = 1000;

/** The largest PostgreSQL integer: a larger id names no row, and a query comparing with it fails. */
export const PG_INT_MAX = 2_147_483_647;

/** A row id in a path or query string: a positive PostgreSQL integer (beyond it: 400, never a 500). */
export const rowIdSchema = z.coerce.number().int().positive().max(PG_INT_MAX);

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

/** Every error body; `code` enumerates the catalogue, so the OpenAPI document lists each code. */
export const errorResponseSchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), messageZh: z.string(), details: z.unknown().optional() }),
});

/** The error answers a route documents (400, 404, 409…), each the one error body above. */
export function errorResponses<C extends number>(...codes: C[]): Record<C, typeof errorResponseSchema> {
  return Object.fromEntries(codes.map((c) => [c, errorResponseSchema])) as Record<C, typeof errorResponseSchema>;
}

/** A page of items as every list route returns it. */
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
