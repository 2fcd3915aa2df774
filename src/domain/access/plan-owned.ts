import type { Resource } from './authorize.ts';

/**
 * The resource of a write on something that belongs to plans (a form, an evaluation scheme, a group, a
 * transfer): every plan it belongs to must be covered by the actor's grant. Something that belongs to no
 * plan — a shared form, a scheme citing none, an unknown code — touches data of every plan, so only a
 * grant not limited to some plans covers it (as for shared catalogue entries, catalogue-scope.ts).
 * `owners` lists each owner's plan (null = an owner tied to no plan); org units are passed through.
 */
export function planOwnedResource(owners: readonly (string | null | undefined)[], orgUnits: readonly string[] = []): Resource {
  const plans = [...new Set(owners.filter((p): p is string => typeof p === 'string' && p !== ''))];
  const unowned = owners.length === 0 || owners.some((p) => typeof p !== 'string' || p === '');
  return { plans, orgUnits, ...(unowned ? { everyPlan: true } : {}) };
}
