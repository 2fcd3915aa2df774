import { Decimal } from 'decimal.js';
import { BOARD_STAGES, STAGES, type Stage } from './stages.ts';

/** What a board needs of a project. */
export interface BoardProject {
  id: number;
  stage: Stage;
  zone: string;
  chain: string | null;
  totalInvestment: string;
  stalled: boolean;
}

export interface BoardFilter {
  zones?: readonly string[];
  chain?: string;
}

export interface BoardColumn<P extends BoardProject> {
  stage: Stage;
  /** One of the three 作战图 (策划/包装/储备), or a later stage shown for completeness. */
  battleMap: boolean;
  projects: P[];
  count: number;
  stalledCount: number;
  /** Σ total investment of the column (万元). */
  totalInvestment: string;
}

/**
 * The project boards: a column per stage in stage order (the three 作战图 first, then 签约/开工/投产),
 * filtered by zone and chain; stalled projects first within a column, then by investment (largest
 * first) and id, so the ones that need attention are at the top.
 */
export function projectBoards<P extends BoardProject>(projects: readonly P[], filter: BoardFilter = {}): BoardColumn<P>[] {
  const kept = projects.filter(
    (p) => (!filter.zones || filter.zones.includes(p.zone)) && (!filter.chain || p.chain === filter.chain),
  );
  return STAGES.map((stage) => {
    const list = kept
      .filter((p) => p.stage === stage)
      .sort(
        (a, b) =>
          Number(b.stalled) - Number(a.stalled) || new Decimal(b.totalInvestment).comparedTo(a.totalInvestment) || a.id - b.id,
      );
    return {
      stage,
      battleMap: (BOARD_STAGES as readonly Stage[]).includes(stage),
      projects: list,
      count: list.length,
      stalledCount: list.filter((p) => p.stalled).length,
      totalInvestment: list.reduce((s, p) => s.plus(p.totalInvestment), new Decimal(0)).toFixed(),
    };
  });
}
