import { z } from 'zod';
import { normaliseText } from '../text/normalise.ts';
import { normalisationSchema, schemeSchema } from './scheme.schema.ts';
import { schemeElements } from './scheme-provenance.ts';

/**
 * A scheme as it is stored and edited (evaluation_scheme.definition): the domain scheme plus what the server
 * needs to gather its input — which org units are evaluated, how they fall into comparison groups, the plan
 * passages each part implements, and whether the weights are only configurable defaults.
 * Indicator codes are catalogue indicator codes; veto and 加分/扣分 values are read from the indicator of the
 * same code (for an adjustment, the points = that indicator's yearly value).
 */

/** Which org units are evaluated; every given condition must hold. */
export const subjectSchema = z.strictObject({
  /** org_unit.kind, e.g. dev_zone, prefecture, bonded_zone, ftz_area. */
  kinds: z.array(z.string().min(1)).min(1).optional(),
  /** Members of this org group only. */
  group: z.string().min(1).optional(),
  /** Units defined by this plan (org_unit.source_plan_id) only. */
  plan: z.string().min(1).optional(),
  /** This unit and its descendants only. */
  root: z.string().min(1).optional(),
});
export type Subject = z.output<typeof subjectSchema>;

/** How units fall into comparison groups (normalised, weighted and ranked separately). */
export const groupBySchema = z.discriminatedUnion('by', [
  /** The group code is the unit's zone level (national / provincial). */
  z.strictObject({ by: z.literal('zone_level') }),
  /** scheme group code → org group code; a unit in several takes the first listed, a unit in none has no group. */
  z.strictObject({ by: z.literal('org_group'), groups: z.record(z.string().min(1), z.string().min(1)) }),
]);
export type GroupBy = z.output<typeof groupBySchema>;

export const schemeSourceSchema = z.strictObject({
  /** The indicator, veto, adjustment, floor, grade or group code the passage backs, or 'scheme'. */
  item: z.string().min(1),
  plan: z.string().min(1),
  section: z.string().min(1),
  /** A literal substring of the plan text (dataset/sources/<plan>.txt for the built-ins). */
  quote: z.string().min(1),
});
export type SchemeSource = z.output<typeof schemeSourceSchema>;

/**
 * An element set by the plan office rather than quoted from a document (issue 16): which elements
 * (element keys such as `weight:GDP`, or bare codes as in sources), who set them, when and why.
 */
export const schemeDecisionSchema = z.strictObject({
  items: z.array(z.string().min(1)).min(1),
  by: z.string().min(1),
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
  why: z.string().min(1),
});
export type SchemeDecision = z.output<typeof schemeDecisionSchema>;

export const storedSchemeSchema = schemeSchema
  .safeExtend({
    nameEn: z.string().min(1).optional(),
    description: z.string().optional(),
    subject: subjectSchema.default({}),
    groupBy: groupBySchema.optional(),
    /** Per comparison group, normalisations that replace the indicator's (e.g. other threshold bands). */
    groupNormalisation: z.record(z.string().min(1), z.record(z.string().min(1), normalisationSchema)).default({}),
    /** When present the indicator weights are derived from this AHP pairwise matrix (indicator order). */
    ahp: z.strictObject({ matrix: z.array(z.array(z.number().positive())).min(1) }).optional(),
    sources: z.array(schemeSourceSchema).default([]),
    decisions: z.array(schemeDecisionSchema).default([]),
    /** True when the plan gives no weights: the weights are configurable defaults, shown as such. */
    defaultWeights: z.boolean().default(false),
    /**
     * Evaluation cycle (cycle.ts): a full evaluation every `fullEvery` years from `firstFullYear`, yearly
     * updates in between on the full evaluation's scheme version. Absent: every run stands alone.
     */
    cycle: z
      .strictObject({ fullEvery: z.number().int().min(2).max(20), firstFullYear: z.number().int().min(1990).max(2100) })
      .optional(),
  })
  .superRefine((s, ctx) => {
    const indicators = new Set(s.indicators.map((i) => i.code));
    const groups = new Set(s.groups.map((g) => g.code));
    const items = new Set<string>([
      'scheme',
      ...indicators,
      ...s.vetoes.map((v) => v.code),
      ...s.adjustments.map((a) => a.code),
      ...s.floors.map((f) => f.code),
      ...s.grades.map((g) => g.label),
      ...groups,
    ]);
    const keys = new Set(schemeElements(s).map((e) => e.key));
    s.sources.forEach((src, k) => {
      if (!items.has(src.item) && !keys.has(src.item))
        ctx.addIssue({ code: 'custom', path: ['sources', k, 'item'], message: `unknown item ${src.item}` });
    });

    if (s.groupBy?.by === 'org_group')
      for (const g of Object.keys(s.groupBy.groups))
        if (!groups.has(g)) ctx.addIssue({ code: 'custom', path: ['groupBy', 'groups', g], message: `unknown group ${g}` });
    for (const [g, byIndicator] of Object.entries(s.groupNormalisation)) {
      if (!groups.has(g)) ctx.addIssue({ code: 'custom', path: ['groupNormalisation', g], message: `unknown group ${g}` });
      for (const c of Object.keys(byIndicator))
        if (!indicators.has(c))
          ctx.addIssue({ code: 'custom', path: ['groupNormalisation', g, c], message: `unknown indicator ${c}` });
    }
    if (s.ahp && (s.ahp.matrix.length !== s.indicators.length || s.ahp.matrix.some((r) => r.length !== s.indicators.length)))
      ctx.addIssue({ code: 'custom', path: ['ahp', 'matrix'], message: 'the AHP matrix must be n × n for n indicators' });
    const adjustmentCodes = s.adjustments.map((a) => a.code);
    if (new Set(adjustmentCodes).size !== adjustmentCodes.length)
      ctx.addIssue({ code: 'custom', path: ['adjustments'], message: 'duplicate adjustment code' });
  });
/** The stored JSON (defaults not filled in; Infinity never stored). */
export type StoredSchemeInput = z.input<typeof storedSchemeSchema>;
export type StoredScheme = z.output<typeof storedSchemeSchema>;

/**
 * Text written for people (issue 18: stored as written, 土地供应率（供地率） keeps its brackets): the
 * names of the scheme, its indicators, groups and adjustments, in Chinese and English; the scheme's
 * description; an adjustment's reason; who set a decision and why. Nothing is looked up by them — the
 * scheme, its indicators and groups are found by code, a grade by its label, a source by its quote.
 */
const AS_WRITTEN_KEYS: ReadonlySet<string> = new Set(['name', 'nameEn', 'description', 'reason', 'reasonEn', 'by', 'why']);

/**
 * Every string in a definition NFKC-normalised (codes, labels, quotes typed or pasted in any width),
 * except the text written for people (AS_WRITTEN_KEYS), which only loses the white space around it.
 */
export function normaliseDefinitionText(value: unknown): unknown {
  if (typeof value === 'string') return normaliseText(value);
  if (Array.isArray(value)) return value.map(normaliseDefinitionText);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        AS_WRITTEN_KEYS.has(k) && typeof v === 'string' ? v.trim() : normaliseDefinitionText(v),
      ]),
    );
  return value;
}
