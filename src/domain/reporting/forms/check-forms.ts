import type { DefinitionError } from '../../plan-definition/definition-error.ts';
import type { QuoteIndex } from '../../text/locate-quote.ts';
import type { ReportForm } from './form.schema.ts';

/**
 * Cross-checks loaded forms against the catalogue: every indicator and reporter unit exists,
 * rules name only the form's indicators, and the cited plan passage is really in the plan.
 */
export function checkForms(
  forms: readonly { file: string; form: ReportForm }[],
  known: { indicators: ReadonlySet<string>; units: ReadonlySet<string>; kinds: ReadonlySet<string>; plans: ReadonlySet<string> },
  quoteIndex: (plan: string) => QuoteIndex | undefined,
): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const seen = new Map<string, string>();
  for (const { file, form } of forms) {
    const err = (field: string, message: string, messageZh: string) => errors.push({ file, field, message, messageZh });
    if (seen.has(form.code))
      err('code', `form ${form.code} is also defined in ${seen.get(form.code)}`, `报表代码 ${form.code} 重复`);
    seen.set(form.code, file);
    const items = new Set(form.items.map((i) => i.indicator));
    form.items.forEach((item, i) => {
      if (!known.indicators.has(item.indicator))
        err(`items.${i}.indicator`, `unknown indicator ${item.indicator}`, `未知指标 ${item.indicator}`);
    });
    form.reporters.units.forEach((u, i) => {
      if (!known.units.has(u)) err(`reporters.units.${i}`, `unknown org unit ${u}`, `未知单位 ${u}`);
    });
    const unitRefs: [string, string | undefined][] = [
      ['responsible', form.responsible],
      ...form.items.map((item, i): [string, string | undefined] => [`items.${i}.responsible`, item.responsible]),
      ...(form.standsFor ?? []).map((s, i): [string, string | undefined] => [`standsFor.${i}.unit`, s.unit]),
    ];
    for (const [field, u] of unitRefs)
      if (u !== undefined && !known.units.has(u)) err(field, `unknown org unit ${u}`, `未知单位 ${u}`);
    form.reporters.kinds.forEach((k, i) => {
      if (!known.kinds.has(k)) err(`reporters.kinds.${i}`, `no org unit is of kind ${k}`, `没有类型为 ${k} 的单位`);
    });
    form.plans.forEach((p, i) => {
      if (!known.plans.has(p)) err(`plans.${i}`, `unknown plan ${p}`, `未知规划 ${p}`);
    });
    form.rules.forEach((rule, i) => {
      for (const c of rule.appliesTo ?? [])
        if (!items.has(c)) err(`rules.${i}.appliesTo`, `${c} is not on the form`, `${c} 不在本报表中`);
    });
    if (form.source) {
      const plan = form.source.plan ?? form.plans[0];
      const index = plan ? quoteIndex(plan) : undefined;
      if (!index) err('source.plan', `no source text for plan ${plan ?? '(none)'}`, `找不到规划 ${plan ?? ''} 的原文`);
      else if (!index.locate(form.source.quote))
        err('source.quote', `quote not found in ${plan}: ${form.source.quote}`, `规划原文中找不到引文：${form.source.quote}`);
    }
  }
  return errors;
}
