import type { RoleGrant } from '../domain/access/roles.ts';

/** Who is acting: a signed-in user, a token, the CLI operator or the system itself. */
export interface Actor {
  userId: number | null;
  label: string;
  via: 'session' | 'token' | 'cli' | 'system';
  tokenId: number | null;
  ip: string | null;
  grants: readonly RoleGrant[];
  /** For token access: 'read' and/or 'write'. */
  tokenScopes?: readonly string[];
}

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  label: 'system',
  via: 'system',
  tokenId: null,
  ip: null,
  grants: [{ role: 'admin', scopeOrgUnit: null, scopePlans: null }],
};
