import { Decimal } from 'decimal.js';
import type { Comparator, TargetAim } from '../model/target.schema.ts';

/** The facts of a target that consistency checks need, whichever plan it comes from. */
export interface TargetFacts extends TargetAim {
  ref: string; // planId:key
  indicator: string;
  indicatorUnit: string;
  aggregation: string;
  /** Org unit code, or group code prefixed with "group:". */
  scope: string;
  /** Unit the source states, when known (extraction candidates); stored targets use the indicator's. */
  statedUnit?: string | null;
  /** Conflicts already recorded by a curator. */
  conflictsWith: readonly string[];
}

export type ConsistencyKind = 'conflicting_targets' | 'parts_exceed_whole' | 'parts_fall_short' | 'unit_mismatch';

export interface ConsistencyIssue {
  kind: ConsistencyKind;
  targets: string[];
  /** true when a curator already linked the targets as a known conflict. */
  acknowledged: boolean;
  message: string;
  messageZh: string;
}

const describe = (t: TargetFacts) =>
  t.comparator === 'range' ? `${t.min}–${t.max}` : (t.value ?? (t.rate !== null ? `${t.rate}%` : t.comparator));

/** Comparators whose figures are directly comparable as amounts. */
const AMOUNT: ReadonlySet<Comparator> = new Set(['at_least', 'at_most', 'exactly', 'range', 'share']);

function sameFigure(a: TargetFacts, b: TargetFacts): boolean {
  return a.comparator === b.comparator && a.value === b.value && a.min === b.min && a.max === b.max && a.rate === b.rate;
}

/**
 * Finds contradictions within and across plans: the same indicator, scope and year with different
 * figures; parts (child units) whose targets cannot add up to their parent's; stated units that do
 * not match the catalogue. Pure: the caller supplies targets and the org-unit tree.
 */
export interface OrgTree {
  parentOf(code: string): string | null | undefined;
  childrenOf(code: string): readonly string[];
}

/** The sum of the parts' bounds (decimal strings), or null when a part has no bound on that side. */
function sumOfBounds(bounds: readonly (string | null)[]): Decimal | null {
  if (bounds.some((v) => v === null)) return null;
  return bounds.reduce((s, v) => s.plus(v!), new Decimal(0));
}

export function checkConsistency(targets: readonly TargetFacts[], tree: OrgTree): ConsistencyIssue[] {
  const { parentOf } = tree;
  const issues: ConsistencyIssue[] = [];

  const byKey = new Map<string, TargetFacts[]>();
  for (const t of targets) {
    const k = `${t.indicator}|${t.scope}|${t.year}`;
    byKey.set(k, [...(byKey.get(k) ?? []), t]);
  }
  for (const group of byKey.values()) {
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        if (sameFigure(a, b)) continue;
        // Growth rates and amounts say different things; only like with like is a contradiction.
        if (AMOUNT.has(a.comparator) !== AMOUNT.has(b.comparator)) continue;
        issues.push({
          kind: 'conflicting_targets',
          targets: [a.ref, b.ref],
          acknowledged: a.conflictsWith.includes(b.ref) || b.conflictsWith.includes(a.ref),
          message: `${a.indicator} for ${a.scope} in ${a.year}: ${describe(a)} (${a.ref}) vs ${describe(b)} (${b.ref})`,
          messageZh: `${a.scope} ${a.year}年 ${a.indicator} 目标不一致：${describe(a)}（${a.ref}）与 ${describe(b)}（${b.ref}）`,
        });
      }
  }

  // Parts vs whole, for additive indicators with amount targets on org units.
  const additive = targets.filter(
    (t) => t.aggregation === 'sum' && !t.scope.startsWith('group:') && AMOUNT.has(t.comparator) && t.comparator !== 'share',
  );
  const lower = (t: TargetFacts) => (t.comparator === 'range' ? t.min : t.comparator === 'at_most' ? null : t.value);
  const upper = (t: TargetFacts) => (t.comparator === 'range' ? t.max : t.comparator === 'at_least' ? null : t.value);
  for (const whole of additive) {
    const parts = additive.filter(
      (p) => p.indicator === whole.indicator && p.year === whole.year && parentOf(p.scope) === whole.scope,
    );
    if (parts.length === 0) continue;
    const refs = [whole.ref, ...parts.map((p) => p.ref)];
    const partsAtLeast = sumOfBounds(parts.map(lower));
    const wholeUpper = upper(whole);
    if (wholeUpper !== null && partsAtLeast?.greaterThan(wholeUpper))
      issues.push({
        kind: 'parts_exceed_whole',
        targets: refs,
        acknowledged: false,
        message: `${whole.indicator} ${whole.year}: the parts of ${whole.scope} need at least ${partsAtLeast.toString()}, above its ceiling ${wholeUpper}`,
        messageZh: `${whole.year}年 ${whole.indicator}：${whole.scope} 下级目标合计至少 ${partsAtLeast.toString()}，超过其上限 ${wholeUpper}`,
      });
    const partsAtMost = sumOfBounds(parts.map(upper));
    const wholeLower = lower(whole);
    const covered = new Set(parts.map((p) => p.scope));
    // Falling short is only certain when every child has a ceiling.
    if (wholeLower !== null && partsAtMost?.lessThan(wholeLower) && tree.childrenOf(whole.scope).every((c) => covered.has(c)))
      issues.push({
        kind: 'parts_fall_short',
        targets: refs,
        acknowledged: false,
        message: `${whole.indicator} ${whole.year}: the parts of ${whole.scope} add up to at most ${partsAtMost.toString()}, below its target ${wholeLower}`,
        messageZh: `${whole.year}年 ${whole.indicator}：${whole.scope} 下级目标合计至多 ${partsAtMost.toString()}，达不到其目标 ${wholeLower}`,
      });
  }

  for (const t of targets) {
    const stated = t.statedUnit?.trim();
    const expected =
      t.comparator === 'share' || t.comparator === 'annual_growth' || t.comparator === 'cumulative_change'
        ? '%'
        : t.indicatorUnit;
    if (stated && stated !== expected)
      issues.push({
        kind: 'unit_mismatch',
        targets: [t.ref],
        acknowledged: false,
        message: `${t.ref}: stated in ${stated}, the catalogue's ${t.indicator} is in ${expected}`,
        messageZh: `${t.ref}：原文单位为“${stated}”，指标目录中 ${t.indicator} 的单位为“${expected}”`,
      });
  }
  return issues;
}
