import type { TableNote, TableProblem } from './table.types.ts';

/** Where planning and row reading report what they find; the interpreter caps and counts. */
export interface TableSink {
  problem(p: TableProblem): void;
  note(n: TableNote): void;
}
