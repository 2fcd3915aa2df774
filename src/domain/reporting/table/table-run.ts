import type { FigureIndex } from './figure-index.ts';
import type { TableContext } from './table-context.ts';
import type { TableSink } from './table-sink.ts';
import type { GrowthClaim, InterpreterOptions, TableNote, TableProblem, TableRecord } from './table.types.ts';

/** Stored problems and notes; problemsTotal still counts every problem. */
export const PROBLEM_CAP = 1000;
export const NOTE_CAP = 1000;
/** 同比 cells kept for checking; beyond, they are counted (growthTotal) and the import says how many went unchecked. */
export const GROWTH_CLAIMS_MAX = 100_000;

/** What one interpretation of an upload shares across its sheets: lookups, the sink, and what it has read. */
export interface TableRun {
  ctx: TableContext;
  sink: TableSink;
  frequency: InterpreterOptions['frequency'];
  /** The records of the row being read; replaced for every row pushed. */
  out: TableRecord[];
  growth: GrowthClaim[];
  growthTotal: number;
  /** Sheet names in the order they came, to name where a duplicate was first given. */
  sheetNames: string[];
  /** Null when duplicates are found elsewhere (the importer's staging table). */
  figures: FigureIndex | null;
}

/** A sink that keeps the first PROBLEM_CAP problems and NOTE_CAP notes and counts every problem. */
export function createCappedSink(): {
  sink: TableSink;
  problems: TableProblem[];
  notes: TableNote[];
  problemsTotal(): number;
} {
  const problems: TableProblem[] = [];
  const notes: TableNote[] = [];
  let total = 0;
  return {
    sink: {
      problem(p) {
        total++;
        if (problems.length < PROBLEM_CAP) problems.push(p);
      },
      note(n) {
        if (notes.length < NOTE_CAP) notes.push(n);
      },
    },
    problems,
    notes,
    problemsTotal: () => total,
  };
}
