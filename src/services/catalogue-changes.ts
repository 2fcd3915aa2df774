import { Decimal } from 'decimal.js';
import { catalogueChangeProblems, type CatalogueChange } from '../domain/access/catalogue-scope.ts';
import type { DefinitionBundleFile } from '../domain/plan-definition/check-references.ts';
import { sameText } from '../domain/text/user-text.ts';
import { AppError } from '../errors/app-error.ts';
import { indicatorColumns, storedIndicators } from '../repositories/indicator.repository.ts';
import { groupColumns, orgUnitColumns, parentLinks, storedGroups, storedOrgUnits } from '../repositories/org-unit.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import type { Actor } from './actor.ts';

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Names are stored as written: （） against () is the same name, not a change to a catalogue entry.
  if (typeof a === 'string' && typeof b === 'string' && sameText(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (typeof a === 'string' && typeof b === 'string' && /^-?\d/.test(a) && /^-?\d/.test(b))
    try {
      return new Decimal(a).eq(b); // numeric columns come back as "12.50" for "12.5"
    } catch {
      return false;
    }
  return (a ?? null) === (b ?? null);
}

/** True when some column the file states differs from the stored one. */
function differs(columns: Record<string, unknown>, stored: Record<string, unknown>): boolean {
  return Object.entries(columns).some(([k, v]) => !same(v, stored[k]));
}

/** What each catalogue entry of the files would do to the stored catalogue. */
export async function catalogueChanges(db: Executor, files: readonly DefinitionBundleFile[]): Promise<CatalogueChange[]> {
  const [units, groups, indicators] = await Promise.all([storedOrgUnits(db), storedGroups(db), storedIndicators(db)]);
  const changes: CatalogueChange[] = [];
  for (const f of files) {
    const d = f.definition;
    const filePlans = d.plan ? [d.plan.id] : [];
    const sourcePlan = (e: { source?: { plan?: string } }) => e.source?.plan ?? d.plan?.id ?? null;
    d.orgUnits.forEach((u, i) => {
      const stored = units.get(u.code);
      const field = `${f.name}: orgUnits.${i}`;
      if (!stored) {
        const plan = sourcePlan(u);
        changes.push({
          kind: 'orgUnit',
          code: u.code,
          field,
          exists: false,
          changed: true,
          plans: plan ? [plan] : [],
          orgUnits: [u.parent ?? u.code],
        });
        return;
      }
      const move =
        u.parent !== undefined && u.parent !== stored.parent_code ? { from: stored.parent_code, to: u.parent } : undefined;
      const changed =
        move !== undefined ||
        differs(orgUnitColumns(u, sourcePlan), stored) ||
        (u.zone?.prefecture !== undefined && u.zone.prefecture !== stored.zone_prefecture_code);
      changes.push({
        kind: 'orgUnit',
        code: u.code,
        field,
        exists: true,
        changed,
        move,
        plans: stored.source_plan_id ? [stored.source_plan_id] : [],
        orgUnits: [u.code, ...(u.zone?.prefecture === undefined ? [] : [u.zone.prefecture])],
      });
    });
    d.groups.forEach((g, i) => {
      const stored = groups.get(g.code);
      const members = [...new Set([...g.members, ...(stored?.members ?? [])])];
      const plan = stored ? stored.source_plan_id : sourcePlan(g);
      changes.push({
        kind: 'group',
        code: g.code,
        field: `${f.name}: groups.${i}`,
        exists: stored !== undefined,
        changed:
          !stored || differs(groupColumns(g, sourcePlan), stored) || !same([...g.members].sort(), [...stored.members].sort()),
        plans: plan ? [plan] : [],
        orgUnits: members,
      });
    });
    d.indicators.forEach((x, i) => {
      const stored = indicators.get(x.code);
      changes.push({
        kind: 'indicator',
        code: x.code,
        field: `${f.name}: indicators.${i}`,
        exists: stored !== undefined,
        changed:
          !stored ||
          differs(indicatorColumns(x), stored) ||
          (x.weightIndicator !== undefined && x.weightIndicator !== stored.weight_code),
        plans: stored ? stored.plans : filePlans,
        orgUnits: [],
      });
    });
  }
  return changes;
}

/**
 * Refuses (403 CATALOGUE_CHANGE_FORBIDDEN, every problem listed) a file whose catalogue entries
 * reach beyond the actor's plans and subtree, or that moves an org unit without being an administrator.
 */
export async function assertCatalogueChangesAllowed(
  db: Executor,
  actor: Actor,
  files: readonly DefinitionBundleFile[],
): Promise<void> {
  const changes = await catalogueChanges(db, files);
  if (!changes.some((c) => c.changed)) return;
  const parents = await parentLinks(db);
  const problems = catalogueChangeProblems(changes, actor.grants, (c) => parents.get(c));
  if (problems.length > 0)
    throw new AppError(
      'CATALOGUE_CHANGE_FORBIDDEN',
      `the file changes ${problems.length} catalogue entr${problems.length === 1 ? 'y' : 'ies'} you may not change; nothing was written`,
      `文件中有 ${problems.length} 处目录变更超出您的权限，未写入任何数据`,
      problems,
    );
}
