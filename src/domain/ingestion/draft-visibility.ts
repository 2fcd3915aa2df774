import type { RoleGrant } from '../access/roles.ts';
import { isSystemAdministrator } from '../audit/audit-visibility.ts';

/**
 * An extraction draft is its uploader's working copy of a document that may not be published yet:
 * only the uploader and a system administrator read or accept it. Everyone else is answered as if
 * it did not exist, so a draft's id reveals nothing.
 */
export function mayOpenDraft(grants: readonly RoleGrant[], userId: number | null, uploadedBy: number | null): boolean {
  if (isSystemAdministrator(grants)) return true;
  return userId !== null && userId === uploadedBy;
}
