import { SHARED_INDICATORS } from './transfer-shares.ts';

/** What of a reporting form decides whether a transfer touches it. */
export interface FormReach {
  plans: readonly string[];
  reporters: { kinds: readonly string[]; units: readonly string[] };
  items: readonly { indicator: string; responsible?: string }[];
}

/**
 * The plans a transfer agreement belongs to. A transfer re-attributes a project's investment, output and
 * tax (SHARED_INDICATORS) between two zones' own figures; those figures reach a plan through the forms on
 * which the zone reports them. So each zone contributes the plans of every form that has it as a reporter
 * (by kind or by code) and collects a shared indicator from it. A zone that reports none of them feeds no
 * known plan and is answered with null (the transfer then touches every plan: planOwnedResource).
 */
export function transferPlans(zones: readonly { code: string; kind: string }[], forms: readonly FormReach[]): (string | null)[] {
  const shared = new Set<string>(SHARED_INDICATORS);
  return zones.flatMap((zone) => {
    const plans = forms
      .filter((f) => f.reporters.kinds.includes(zone.kind) || f.reporters.units.includes(zone.code))
      .filter((f) => f.items.some((i) => shared.has(i.indicator) && (i.responsible === undefined || i.responsible === zone.code)))
      .flatMap((f) => f.plans);
    return plans.length ? [...new Set(plans)] : [null];
  });
}
