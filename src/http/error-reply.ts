import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isTransientDatabaseError } from '../db/transient-error.ts';
import { AppError } from '../errors/app-error.ts';
import type { FieldProblem } from '../errors/field-problem.ts';

/**
 * Any error a route or plugin throws, as the catalogued AppError the API answers with: Fastify's and its
 * plugins' own codes (FST_…) never reach a client, since the web and CLI switch only on catalogue codes.
 * A restart or failover of the database is a 503 the client may retry; an unknown 4xx keeps its reason in
 * `details.reason`; anything else is a 500 INTERNAL.
 */
export function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err))
    return new AppError(
      'INVALID_REQUEST',
      undefined,
      undefined,
      // FieldProblem's shape (the web marks fields by it); a validator may leave the message out.
      err.validation.map((v) => ({ field: v.instancePath, message: v.message }) satisfies Partial<FieldProblem>),
    );
  if (isTransientDatabaseError(err)) return new AppError('DATABASE_UNAVAILABLE');
  const e = err as { statusCode?: unknown; code?: unknown; message?: unknown };
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) return new AppError('BODY_TOO_LARGE');
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (status === 429) return new AppError('RATE_LIMITED');
  if (status === 404) return new AppError('NOT_FOUND');
  if (status >= 400 && status < 500)
    return new AppError('BAD_REQUEST', typeof e.message === 'string' ? e.message : undefined, undefined, {
      reason: typeof e.code === 'string' ? e.code : undefined,
    });
  return new AppError('INTERNAL');
}
