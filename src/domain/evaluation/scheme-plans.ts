/**
 * The plans an evaluation scheme belongs to: the plan its subject is limited to and every plan its
 * sources cite (stored-scheme.schema.ts). Read from a definition of any shape — a stored one or a request
 * body not yet validated — since authorization runs before validation.
 */
export function schemePlans(definition: unknown): string[] {
  if (definition === null || typeof definition !== 'object') return [];
  const d = definition as { subject?: unknown; sources?: unknown };
  const plans: string[] = [];
  const subjectPlan = d.subject !== null && typeof d.subject === 'object' ? (d.subject as { plan?: unknown }).plan : undefined;
  if (typeof subjectPlan === 'string' && subjectPlan) plans.push(subjectPlan);
  if (Array.isArray(d.sources))
    for (const s of d.sources) {
      const plan = s !== null && typeof s === 'object' ? (s as { plan?: unknown }).plan : undefined;
      if (typeof plan === 'string' && plan) plans.push(plan);
    }
  return [...new Set(plans)];
}

/** A stored scheme's plans as owners (planOwnedResource): a scheme citing no plan is every plan's (null). */
export function schemeOwners(definition: unknown): (string | null)[] {
  const plans = schemePlans(definition);
  return plans.length ? plans : [null];
}
