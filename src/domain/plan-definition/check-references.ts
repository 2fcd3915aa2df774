import type { DefinitionError } from './definition-error.ts';
import type { PlanFile } from './plan-file.schema.ts';
import { FormulaError, formulaReferences, parseFormula } from '../formula/formula.ts';
import type { Source } from '../model/common.schema.ts';
import { createQuoteIndex, type QuoteIndex } from '../text/locate-quote.ts';

/** Codes already present in the platform, so an imported file may refer to them. */
export interface KnownCodes {
  orgUnits: ReadonlySet<string>;
  groups: ReadonlySet<string>;
  indicators: ReadonlySet<string>;
  /** planId:key of every target, for conflictsWith across plans. */
  targetKeys: ReadonlySet<string>;
  planIds: ReadonlySet<string>;
}

export interface DefinitionBundleFile {
  name: string;
  definition: PlanFile;
  /** Normalised source text of the plan, when there is one: quotes are checked against it. */
  sourceText?: string;
  /** The source as received, kept beside the normalised text. */
  rawSource?: { fileName: string; text: string };
}

const EMPTY: KnownCodes = {
  orgUnits: new Set(),
  groups: new Set(),
  indicators: new Set(),
  targetKeys: new Set(),
  planIds: new Set(),
};

/**
 * Cross-file checks that a schema cannot express: every code referred to exists, codes are unique,
 * every quote occurs in its plan's source text. Returns every problem, never only the first.
 */
export function checkReferences(files: readonly DefinitionBundleFile[], known: KnownCodes = EMPTY): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const orgUnits = new Set(known.orgUnits);
  const groups = new Set(known.groups);
  const indicators = new Set(known.indicators);
  const targetKeys = new Set(known.targetKeys);
  const planIds = new Set<string>();

  const duplicate = (file: string, field: string, what: string, value: string) =>
    errors.push({ file, field, message: `duplicate ${what} "${value}"`, messageZh: `${whatZh(what)}“${value}”重复` });
  const missing = (file: string, field: string, what: string, value: string) =>
    errors.push({ file, field, message: `unknown ${what} "${value}"`, messageZh: `未知${whatZh(what)}“${value}”` });

  // Pass 1: collect definitions. Codes may redefine what the database already holds (an update),
  // but must be unique among the files themselves.
  const defined = {
    orgUnits: new Set<string>(),
    groups: new Set<string>(),
    indicators: new Set<string>(),
    targets: new Set<string>(),
  };
  const define = (kind: keyof typeof defined, all: Set<string>, file: string, field: string, what: string, value: string) => {
    if (defined[kind].has(value)) duplicate(file, field, what, value);
    defined[kind].add(value);
    all.add(value);
  };
  for (const { name, definition: d } of files) {
    if (d.plan) {
      if (planIds.has(d.plan.id) || known.planIds.has(d.plan.id)) duplicate(name, 'plan.id', 'plan', d.plan.id);
      planIds.add(d.plan.id);
    }
    d.orgUnits.forEach((u, i) => define('orgUnits', orgUnits, name, `orgUnits.${i}.code`, 'org unit', u.code));
    d.groups.forEach((g, i) => define('groups', groups, name, `groups.${i}.code`, 'group', g.code));
    d.indicators.forEach((x, i) => define('indicators', indicators, name, `indicators.${i}.code`, 'indicator', x.code));
    d.targets.forEach((t, i) => define('targets', targetKeys, name, `targets.${i}.key`, 'target', targetRef(d, t.key)));
  }

  const quoteIndexes = new Map<string, QuoteIndex>();
  for (const f of files)
    if (f.definition.plan && f.sourceText) quoteIndexes.set(f.definition.plan.id, createQuoteIndex(f.sourceText));

  // Pass 2: check references.
  for (const { name, definition: d } of files) {
    const sections = new Set<string>();
    d.sections.forEach((s, i) => {
      if (sections.has(s.key)) duplicate(name, `sections.${i}.key`, 'section', s.key);
      sections.add(s.key);
      if (s.parent !== undefined && !sections.has(s.parent)) missing(name, `sections.${i}.parent`, 'section', s.parent);
    });
    if (!d.plan && (d.sections.length || d.targets.length || d.tasks.length)) {
      errors.push({
        file: name,
        field: 'plan',
        message: 'sections, targets and tasks need a plan block',
        messageZh: '章节、目标和任务必须属于一个规划（缺少 plan）',
      });
    }
    const checkQuote = (field: string, source: Source) => {
      const planId = source.plan ?? d.plan?.id;
      if (source.plan !== undefined && !planIds.has(source.plan) && !known.planIds.has(source.plan)) {
        missing(name, field.replace(/quote$/, 'plan'), 'plan', source.plan);
        return;
      }
      const quotes = planId === undefined ? undefined : quoteIndexes.get(planId);
      if (quotes && !quotes.locate(source.quote))
        errors.push({
          file: name,
          field,
          message: 'quote does not occur in the normalised source text',
          messageZh: '引文在规范化后的规划原文中找不到',
        });
    };
    const checkFormula = (field: string, self: string, formula: string) => {
      try {
        for (const ref of formulaReferences(parseFormula(formula))) {
          if (ref === self)
            errors.push({ file: name, field, message: 'formula refers to its own indicator', messageZh: '公式引用了指标自身' });
          else if (!indicators.has(ref)) missing(name, field, 'indicator', ref);
        }
      } catch (err) {
        if (!(err instanceof FormulaError)) throw err;
        errors.push({ file: name, field, message: `formula: ${err.message}`, messageZh: `公式错误：${err.messageZh}` });
      }
    };
    const checkSection = (field: string, key: string | undefined) => {
      if (key !== undefined && !sections.has(key)) missing(name, field, 'section', key);
    };

    d.orgUnits.forEach((u, i) => {
      if (u.parent !== undefined && !orgUnits.has(u.parent)) missing(name, `orgUnits.${i}.parent`, 'org unit', u.parent);
      const pref = u.zone?.prefecture;
      if (pref !== undefined && !orgUnits.has(pref)) missing(name, `orgUnits.${i}.zone.prefecture`, 'org unit', pref);
      if (u.source) checkQuote(`orgUnits.${i}.source.quote`, u.source);
    });
    d.groups.forEach((g, i) => {
      g.members.forEach((m, j) => {
        if (!orgUnits.has(m)) missing(name, `groups.${i}.members.${j}`, 'org unit', m);
      });
      if (g.source) checkQuote(`groups.${i}.source.quote`, g.source);
    });
    d.indicators.forEach((x, i) => {
      if (x.weightIndicator !== undefined && !indicators.has(x.weightIndicator))
        missing(name, `indicators.${i}.weightIndicator`, 'indicator', x.weightIndicator);
      if (x.formula !== undefined) checkFormula(`indicators.${i}.formula`, x.code, x.formula);
    });
    d.targets.forEach((t, i) => {
      const at = `targets.${i}`;
      checkSection(`${at}.section`, t.section);
      if (!indicators.has(t.indicator)) missing(name, `${at}.indicator`, 'indicator', t.indicator);
      if (t.orgUnit !== undefined && !orgUnits.has(t.orgUnit)) missing(name, `${at}.orgUnit`, 'org unit', t.orgUnit);
      if (t.group !== undefined && !groups.has(t.group)) missing(name, `${at}.group`, 'group', t.group);
      const ref = t.target.reference;
      if (ref !== undefined && !indicators.has(ref)) missing(name, `${at}.target.reference`, 'indicator', ref);
      t.conflictsWith.forEach((c, j) => {
        if (!targetKeys.has(c.includes(':') ? c : targetRef(d, c))) missing(name, `${at}.conflictsWith.${j}`, 'target', c);
      });
      checkQuote(`${at}.source.quote`, t.source);
    });
    d.tasks.forEach((t, i) => {
      checkSection(`tasks.${i}.section`, t.section);
      t.lead.forEach((u, j) => {
        if (!orgUnits.has(u)) missing(name, `tasks.${i}.lead.${j}`, 'org unit', u);
      });
      t.co.forEach((u, j) => {
        if (!orgUnits.has(u)) missing(name, `tasks.${i}.co.${j}`, 'org unit', u);
      });
      checkQuote(`tasks.${i}.source.quote`, t.source);
    });
    d.actuals.forEach((a, i) => {
      if (!indicators.has(a.indicator)) missing(name, `actuals.${i}.indicator`, 'indicator', a.indicator);
      if (!orgUnits.has(a.orgUnit)) missing(name, `actuals.${i}.orgUnit`, 'org unit', a.orgUnit);
      // A file of figures alone (no plan) must say which plan states each figure: provenance is never guessed.
      if (!d.plan && a.source.plan === undefined)
        errors.push({
          file: name,
          field: `actuals.${i}.source.plan`,
          message: 'the file defines no plan: each actual must name the plan that states it (source.plan)',
          messageZh: '文件未定义规划：每个实际值须在 source.plan 注明出自哪个规划',
        });
      checkQuote(`actuals.${i}.source.quote`, a.source);
    });
  }
  return errors;
}

/** Target keys are unique within a plan; across plans they are written planId:key. */
export function targetRef(d: PlanFile, key: string): string {
  return `${d.plan?.id ?? ''}:${key}`;
}

function whatZh(what: string): string {
  return (
    { plan: '规划', 'org unit': '组织单位', group: '分组', indicator: '指标', target: '目标', section: '章节' }[what] ?? what
  );
}
