import { normaliseText } from '../text/normalise.ts';
import { catalogueSchema, type Catalogue, type CatalogueInput } from './candidate.schema.ts';
import { dedupeParagraphs } from './dedupe-paragraphs.ts';
import { detectGenres, settleGenreContext, type Genres } from './genre-rules.ts';
import { createIndicatorMatcher, type IndicatorMatcher } from './indicator-matcher.ts';
import { createIndustryMatcher } from './industry-matcher.ts';
import { normaliseDocument } from './normalise-document.ts';
import { originalRange, originalText, type OffsetText } from './offset-text.ts';
import type { OrgMention, OrgUnitMatcher } from './org-unit-matcher.ts';
import { inferPlanContext, type PlanContext } from './plan-context.ts';
import { buildSectionTree, headingText, type SectionHeading, type SectionTree } from './section-tree.ts';

export interface ExtractOptions {
  catalogue: CatalogueInput;
  /** The unit the plan is about, when known (otherwise inferred from its title and text). */
  subject?: string;
  periodStart?: number;
  periodEnd?: number;
}

/** A plan's text made ready to read: cleaned, its sections found, its matchers built and its context inferred. */
export interface DocumentReading {
  raw: string;
  doc: OffsetText;
  /** The cleaned text every offset below points into. */
  text: string;
  /** Sentences dropped as repeats. */
  dropped: number;
  tree: SectionTree;
  catalogue: Catalogue;
  genres: Genres;
  orgs: OrgUnitMatcher;
  indicators: IndicatorMatcher;
  industries: ReturnType<typeof createIndustryMatcher>;
  ctx: PlanContext;
  /** The original document's range of a range of the cleaned text. */
  span(from: number, to: number): { start: number; end: number };
  /** The document's own characters of a range (Traditional stays Traditional), not the match keys. */
  quoteOf(from: number, to: number): string;
  /** The heading texts above an offset. */
  sectionPath(at: number): string[];
  /** The year the innermost section that opens with 到2035年 dates its goals with. */
  sectionHorizon(path: readonly { id: string }[]): number | undefined;
  /** The one unit the innermost heading that names one scopes its section to. */
  sectionUnit(path: readonly { id: string }[]): OrgMention | undefined;
}

export function readDocument(raw: string, options: ExtractOptions): DocumentReading {
  const catalogue = catalogueSchema.parse(options.catalogue);
  const clean = normaliseDocument(raw);
  const { text: doc, dropped } = dedupeParagraphs(clean);
  const text = doc.text;
  const tree = buildSectionTree(text);
  const genres = detectGenres(text, catalogue);
  const orgs = genres.orgs;
  const ctx = planContext(text, genres, catalogue, options);
  // A heading that names a unit (第一节 建设昆明区域性国际中心城市) scopes its section.
  const headingUnits = new Map(tree.headings.map((h) => [h.id, orgs.find(h.title).filter((m) => m.orgKind !== 'department')]));
  const horizons = sectionHorizons(text, tree.headings);
  return {
    raw,
    doc,
    text,
    dropped,
    tree,
    catalogue,
    genres,
    orgs,
    indicators: createIndicatorMatcher(catalogue.indicators),
    industries: createIndustryMatcher(catalogue.industries),
    ctx,
    span: (from, to) => originalRange(doc, from, to),
    // Only the character folding (full-width, Kangxi radicals of PDF exports) is applied to quotes.
    quoteOf: (from, to) => originalText(raw, doc, from, to, normaliseText),
    sectionPath: (at) => tree.pathAt(at).map((h) => headingText(h)),
    sectionHorizon: (path) => innermost(path, (id) => horizons.get(id)),
    sectionUnit: (path) =>
      innermost(path, (id) => {
        const units = headingUnits.get(id) ?? [];
        return units.length === 1 ? units[0] : undefined;
      }),
  };
}

/** What the plan is (title, period, subject), as the text says, overridden by what the caller knows. */
function planContext(text: string, genres: Genres, catalogue: Catalogue, options: ExtractOptions): PlanContext {
  const orgs = genres.orgs;
  const ctx = inferPlanContext(text, orgs);
  settleGenreContext(ctx, genres);
  if (options.periodStart) ctx.periodStart = options.periodStart;
  if (options.periodEnd) ctx.periodEnd = options.periodEnd;
  if (options.subject) {
    const s = orgs.resolve(
      catalogue.orgUnits.find((u) => u.code === options.subject)?.name ??
        catalogue.groups.find((g) => g.code === options.subject)?.name ??
        '',
    );
    if (s?.code) ctx.subject = { ...s, from: 0, to: 0, orgKind: 'subject' };
  }
  return ctx;
}

/** A section that opens with 到2035年 (二、远景展望到2035年,…; (二)发展目标。到2025年,…) dates the goals in it. */
function sectionHorizons(text: string, headings: readonly SectionHeading[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of headings) {
    const y = /^[。.:\s]*(?:到|至)((?:19|20)\d\d)年/.exec(text.slice(h.headingEnd, h.headingEnd + 14))?.[1];
    if (y) out.set(h.id, Number(y));
  }
  return out;
}

/** The first answer from the innermost section outwards. */
function innermost<T>(path: readonly { id: string }[], of: (id: string) => T | undefined): T | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const v = of(path[i]!.id);
    if (v !== undefined) return v;
  }
  return undefined;
}
