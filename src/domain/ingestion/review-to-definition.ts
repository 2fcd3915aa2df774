import { z } from 'zod';
import {
  draftAimFields,
  spanSchema,
  yearFigureSchema,
  type ExtractionResult,
  type Span,
} from '../extraction/candidate.schema.ts';
import { SECTION_KINDS } from '../model/plan.schema.ts';
import { NATURES } from '../model/indicator.schema.ts';
import { normaliseText } from '../text/normalise.ts';

/** What a reviewer accepted (possibly edited), referring to candidates by id. */
export const reviewSchema = z.strictObject({
  plan: z.strictObject({
    id: z.string(),
    title: z.string(),
    titleEn: z.string().optional(),
    issuer: z.string(),
    issuedOn: z.string().optional(),
    periodStart: z.number().int(),
    periodEnd: z.number().int(),
  }),
  /** Indicators the reviewer adds to the catalogue for proposed-new ones. */
  newIndicators: z
    .array(z.strictObject({ code: z.string(), name: z.string(), nameEn: z.string(), unit: z.string() }))
    .default([]),
  targets: z.array(
    z.strictObject({
      candidateId: z.string(),
      /**
       * The passage the reviewer marked: for a target or task added by hand (a candidate ID the draft
       * does not have) or one part of a split candidate. The quote is the text there.
       */
      span: spanSchema.optional(),
      key: z.string().optional(),
      indicator: z.string(),
      orgUnit: z.string().optional(),
      group: z.string().optional(),
      nature: z.enum(NATURES).optional(),
      baseline: yearFigureSchema.optional(),
      target: z.strictObject({
        ...draftAimFields,
        reference: z.string().optional(),
        text: z.string().optional(),
      }),
      trajectory: z.array(yearFigureSchema).optional(),
      note: z.string().optional(),
    }),
  ),
  tasks: z.array(
    z.strictObject({
      candidateId: z.string(),
      /**
       * The passage the reviewer marked: for a target or task added by hand (a candidate ID the draft
       * does not have) or one part of a split candidate. The quote is the text there.
       */
      span: spanSchema.optional(),
      key: z.string().optional(),
      text: z.string(),
      lead: z.array(z.string()),
      co: z.array(z.string()),
      responsibleText: z.string().optional(),
      deadline: z.string().optional(),
    }),
  ),
});
export type Review = z.infer<typeof reviewSchema>;

export class ReviewError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}

/**
 * The section path (outermost heading first) at an offset: a section runs from its heading to the
 * next heading at its depth or above, so the last heading before the offset is the innermost one.
 */
function sectionPathAt(sections: ExtractionResult['sections'], at: number): string[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const inner = sections.filter((s) => s.span.start <= at).at(-1);
  const path: string[] = [];
  for (let s = inner; s; s = s.parent ? byId.get(s.parent) : undefined) path.unshift(s.heading);
  return path;
}

const sectionKey = (id: string) => `s-${id.replace(/[^A-Za-z0-9._-]/g, '-')}`;
const sectionKind = (kind: string) => ((SECTION_KINDS as readonly string[]).includes(kind) ? kind : 'item');

/**
 * Turns accepted candidates into a plan definition (the import format), so that everything
 * accepted goes through the same checks as any imported plan and keeps its quote: the quote is
 * the original text at the candidate's offsets, normalised. Pure.
 */
export function reviewToDefinition(
  review: Review,
  extraction: ExtractionResult,
  rawText: string,
  sourceFile: string,
): Record<string, unknown> {
  const targetsById = new Map(extraction.targets.map((t) => [t.id, t]));
  const tasksById = new Map(extraction.tasks.map((t) => [t.id, t]));
  const byHeading = new Map(extraction.sections.map((s) => [s.heading, s]));
  const sectionOf = (path: readonly string[]) => {
    const node = path.length ? byHeading.get(path[path.length - 1]!) : undefined;
    return node ? sectionKey(node.id) : undefined;
  };
  const quote = (span: { start: number; end: number }) => normaliseText(rawText.slice(span.start, span.end)).trim();
  const sectionHeading = (path: readonly string[]) => path[path.length - 1];
  /** Section path and quote of an accepted entry: its own span if the reviewer marked one, else its candidate's. */
  const placed = (c: { section: string[]; span: Span } | undefined, span: Span | undefined, en: string, zh: string) => {
    if (span) {
      if (span.end <= span.start || span.end > rawText.length || !quote(span))
        throw new ReviewError(`the passage marked for ${en} is empty or outside the text`, `${zh} 所标原文为空或超出文本范围`);
      return { section: c?.section ?? sectionPathAt(extraction.sections, span.start), quote: quote(span) };
    }
    if (!c) throw new ReviewError(`unknown ${en}`, `未知的${zh}`);
    return { section: c.section, quote: quote(c.span) };
  };

  return {
    plan: { ...review.plan, sourceFile },
    sections: extraction.sections.map((s) => ({
      key: sectionKey(s.id),
      ...(s.parent ? { parent: sectionKey(s.parent) } : {}),
      kind: sectionKind(s.kind),
      heading: s.heading,
    })),
    indicators: review.newIndicators,
    targets: review.targets.map((t, i) => {
      const { candidateId, span, key, ...rest } = t;
      const at = placed(targetsById.get(candidateId), span, `target candidate ${candidateId}`, `目标候选 ${candidateId}`);
      return {
        key: key ?? `t-${String(i + 1).padStart(3, '0')}`,
        ...rest,
        section: sectionOf(at.section),
        trajectory: t.trajectory ?? [],
        source: { section: sectionHeading(at.section), quote: at.quote },
      };
    }),
    tasks: review.tasks.map((t, i) => {
      const { candidateId, span, key, ...rest } = t;
      const at = placed(tasksById.get(candidateId), span, `task candidate ${candidateId}`, `任务候选 ${candidateId}`);
      return {
        key: key ?? `k-${String(i + 1).padStart(3, '0')}`,
        ...rest,
        section: sectionOf(at.section),
        source: { section: sectionHeading(at.section), quote: at.quote },
      };
    }),
  };
}
