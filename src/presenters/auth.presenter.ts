import { z } from 'zod';
import { ROLES } from '../domain/access/roles.ts';

/*
 * Responses of the sign-in, "who am I" and personal-token routes. The web takes its types from here
 * (z.infer), so a change to a schema fails the web's typecheck instead of a page.
 */

export const loginResponseSchema = z.object({ csrfToken: z.string(), expiresAt: z.string() });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const meSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  orgUnit: z.object({ code: z.string(), name: z.string() }).nullable(),
  grants: z.array(
    z.object({ role: z.enum(ROLES), scopeOrgUnit: z.string().nullable(), scopePlans: z.array(z.string()).nullable() }),
  ),
  via: z.enum(['session', 'token', 'cli', 'system']),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const apiTokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  revoked: z.boolean(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const TOKEN_SCOPES = ['read', 'write'] as const;

export const newTokenBodySchema = z.object({
  name: z.string().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type NewTokenInput = z.infer<typeof newTokenBodySchema>;

export const createdTokenSchema = z.object({ id: z.number(), secret: z.string() });
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  via: z.string(),
  ip: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
