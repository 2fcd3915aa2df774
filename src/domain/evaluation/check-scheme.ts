import type { ZodError } from 'zod';
import { resolveItem, schemeElements } from './scheme-provenance.ts';
import type { StoredScheme } from './stored-scheme.schema.ts';

/** One problem in a stored scheme, with the dotted path of the field (indicators.2.code). */
export interface SchemeProblem {
  field: string;
  message: string;
  messageZh: string;
}

export interface SchemeCatalogue {
  indicators: ReadonlySet<string>;
  orgGroups: ReadonlySet<string>;
  unitKinds: ReadonlySet<string>;
  units: ReadonlySet<string>;
  plans: ReadonlySet<string>;
  /** Whether the quote occurs in the plan's source text (white space ignored, after NFKC). */
  quoteFound(plan: string, quote: string): boolean;
}

export function zodProblems(error: ZodError): SchemeProblem[] {
  return error.issues.map((i) => ({
    field: i.path.join('.') || '(scheme)',
    message: i.message,
    messageZh: `评价方案定义无效：${i.message}`,
  }));
}

/**
 * Checks what the schema alone cannot: every indicator and adjustment is a catalogue indicator (their
 * values come from the yearly figures), the subject and groups name existing kinds, units and org groups,
 * and every cited passage is found in its plan.
 */
export function checkSchemeReferences(s: StoredScheme, c: SchemeCatalogue): SchemeProblem[] {
  const out: SchemeProblem[] = [];
  const add = (field: string, message: string, messageZh: string) => out.push({ field, message, messageZh });
  s.indicators.forEach((i, k) => {
    if (!c.indicators.has(i.code))
      add(`indicators.${k}.code`, `unknown catalogue indicator ${i.code}`, `指标目录中没有指标 ${i.code}`);
  });
  s.adjustments.forEach((a, k) => {
    if (!c.indicators.has(a.code))
      add(
        `adjustments.${k}.code`,
        `the points of ${a.code} come from the indicator of that code, which the catalogue lacks`,
        `加分/扣分项 ${a.code} 的分值取自同名指标，指标目录中没有该指标`,
      );
  });
  s.subject.kinds?.forEach((kind, k) => {
    if (!c.unitKinds.has(kind)) add(`subject.kinds.${k}`, `no org unit of kind ${kind}`, `没有类型为 ${kind} 的单位`);
  });
  if (s.subject.group !== undefined && !c.orgGroups.has(s.subject.group))
    add('subject.group', `unknown org group ${s.subject.group}`, `没有分组 ${s.subject.group}`);
  if (s.subject.root !== undefined && !c.units.has(s.subject.root))
    add('subject.root', `unknown org unit ${s.subject.root}`, `没有单位 ${s.subject.root}`);
  if (s.subject.plan !== undefined && !c.plans.has(s.subject.plan))
    add('subject.plan', `unknown plan ${s.subject.plan}`, `没有规划 ${s.subject.plan}`);
  if (s.groupBy?.by === 'org_group')
    for (const [g, orgGroup] of Object.entries(s.groupBy.groups))
      if (!c.orgGroups.has(orgGroup)) add(`groupBy.groups.${g}`, `unknown org group ${orgGroup}`, `没有分组 ${orgGroup}`);
  s.sources.forEach((src, k) => {
    if (!c.plans.has(src.plan)) add(`sources.${k}.plan`, `unknown plan ${src.plan}`, `没有规划 ${src.plan}`);
    else if (!c.quoteFound(src.plan, src.quote))
      add(`sources.${k}.quote`, `quote not found in ${src.plan}: ${src.quote}`, `规划原文中找不到引文：${src.quote}`);
  });
  return out;
}

/**
 * Decision items that name no element of the scheme (a typo, or an element since removed). Checked for the
 * built-in schemes (check-dataset); an edited scheme may drop an element without editing its decisions — the
 * stale item then backs nothing and the element list shows what is left unbacked.
 */
export function staleDecisionItems(s: StoredScheme): SchemeProblem[] {
  const keys = new Set(schemeElements(s).map((e) => e.key));
  return s.decisions.flatMap((d, k) =>
    d.items.flatMap((item, j) =>
      resolveItem(s, item, keys) === undefined
        ? [
            {
              field: `decisions.${k}.items.${j}`,
              message: `no scheme element ${item}`,
              messageZh: `方案中没有要素 ${item}（规划处决定所指）`,
            },
          ]
        : [],
    ),
  );
}
