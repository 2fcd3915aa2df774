import type { Mention, TargetCandidate, TaskCandidate } from './candidate.schema.ts';
import type { StatedFigure } from './link-baselines.ts';
import type { SectionHeading } from './section-tree.ts';
import type { SectionStance } from './section-stance.ts';
import type { findYears } from './value-expressions.ts';

/** One sentence of the cleaned text as the readers of targets and tasks see it. */
export interface SentenceView extends SectionStance {
  /** [ss, se): where it stands in the cleaned text (after any run-in heading). */
  ss: number;
  se: number;
  /**
   * Where the title of a run-in numbered heading it starts with begins (二、区绩效考评机构要将…,纳入…): a title
   * that runs on into the sentence may be its subject. Undefined when the sentence opens with no run-in heading.
   */
  runInFrom?: number;
  sentence: string;
  /** The headings above it, outermost first. */
  path: SectionHeading[];
  /** Its paragraph cites another document (根据《…规划》): its figures are not this plan's goals. */
  cited: boolean;
  /** Its paragraph reports the past (2020年,全市…). */
  pastParagraph: boolean;
  years: ReturnType<typeof findYears>;
  /** The years it looks ahead to (到2025年), none before the plan's start. */
  horizon: ReturnType<typeof findYears>;
  /** It speaks of what is to come (a horizon, 力争, 确保, 将…). */
  future: boolean;
}

/** What reading the document has found so far. */
export interface Findings {
  targets: TargetCandidate[];
  /** Figures the text states (the past, facts), later linked to the targets as baselines. */
  stated: StatedFigure[];
  tasks: TaskCandidate[];
  orgCounts: Map<string, Mention>;
  industryCounts: Map<string, Mention>;
}

/** What reading carries from one sentence to the next. */
export interface ReadingState {
  /** Target keys (value offset, indicator, scope) already proposed. */
  seen: Set<string>;
  /** Where the last responsibility clause ended: the next task's text starts no earlier. */
  lastClauseEnd: number;
  /** The horizon of the last two sentences of the section (到2025年,…。主要经济指标…达到…) dates a sentence without its own year. */
  lastHorizon: { year: number; sentence: number; section: string | undefined } | null;
  sentenceIndex: number;
  /** "N个X" counts the document repeats (3个片区): facts, not goals. */
  facts: Set<string>;
}
