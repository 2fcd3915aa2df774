import type { ExtractionResult, ScopeRef } from './candidate.schema.ts';
import { readDocument, type ExtractOptions } from './document-reading.ts';
import { applyGenreCandidates } from './genre-rules.ts';
import { linkBaselines } from './link-baselines.ts';
import type { OrgMention } from './org-unit-matcher.ts';
import type { PlanContext } from './plan-context.ts';
import { readParagraphs } from './read-paragraphs.ts';
import { headingText } from './section-tree.ts';
import { tableTargets } from './table-targets.ts';
import { paragraphRanges } from './text-ranges.ts';

export type { ExtractOptions } from './document-reading.ts';

/**
 * Reads a plan's text (as extracted from .txt, .docx or PDF) and proposes its structure, targets
 * and tasks, each tied to the exact characters of the original it came from. Pure: no I/O.
 */
export function extractCandidates(raw: string, options: ExtractOptions): ExtractionResult {
  const r = readDocument(raw, options);
  const paragraphs = paragraphRanges(r.text);
  const found = readParagraphs(r, paragraphs);
  const fromTables = tableTargets(r.doc, paragraphs, r.tree, r.ctx, r.indicators, r.span, r.quoteOf);
  const genreFound = applyGenreCandidates(
    r.text,
    r.genres,
    r.ctx,
    { targets: [...found.targets, ...fromTables], tasks: found.tasks },
    { indicators: r.indicators, span: r.span, quoteOf: r.quoteOf, section: r.sectionPath },
  );
  const targets = genreFound.targets;
  const tasks = genreFound.tasks;
  linkBaselines(targets, found.stated, r.ctx.periodStart);
  targets.sort((a, b) => a.valueSpan.start - b.valueSpan.start);
  tasks.sort((a, b) => a.span.start - b.span.start);
  targets.forEach((t, i) => (t.id = `t${i + 1}`));
  tasks.forEach((t, i) => (t.id = `k${i + 1}`));
  return {
    plan: planOf(r.ctx),
    sections: r.tree.headings.map((h) => ({
      id: h.id,
      ...(h.parent ? { parent: h.parent } : {}),
      kind: h.kind,
      heading: headingText(h),
      depth: h.depth,
      span: r.span(h.headingStart, h.headingEnd),
    })),
    targets,
    tasks,
    orgUnits: [...found.orgCounts.values()].sort((a, b) => b.count - a.count),
    industries: [...found.industryCounts.values()].sort((a, b) => b.count - a.count),
    stats: { originalLength: raw.length, cleanLength: r.text.length, duplicateSentencesDropped: r.dropped },
  };
}

function planOf(ctx: PlanContext): ExtractionResult['plan'] {
  const subject: ScopeRef | undefined = ctx.subject?.code
    ? { code: ctx.subject.code, kind: ctx.subject.kind, name: ctx.subject.name, mention: ctx.subject.mention, from: 'plan' }
    : undefined;
  return {
    ...(ctx.title ? { title: ctx.title } : {}),
    periodStart: ctx.periodStart,
    periodEnd: ctx.periodEnd,
    ...(subject ? { defaultScope: subject } : {}),
  };
}

export type { OrgMention };
