import { STAGE_LABELS, stageIndex, type Stage } from './stages.ts';

/**
 * Which stage moves are allowed and what they are called in the history:
 * - advance: to the next stage (a reason may be given);
 * - skip: forward past one or more stages (e.g. a reserve project signed and started at once) — needs a reason;
 * - adjustment: back to an earlier stage (动态调整, e.g. a signed project returned to reserve) — needs a reason.
 * Staying in the same stage is not a move.
 */
export type StageMoveKind = 'advance' | 'skip' | 'adjustment';

export type StageMoveResult =
  { ok: true; kind: StageMoveKind } | { ok: false; code: 'SAME_STAGE' | 'REASON_REQUIRED'; message: string; messageZh: string };

export function classifyStageMove(from: Stage, to: Stage, reason: string | null | undefined): StageMoveResult {
  const d = stageIndex(to) - stageIndex(from);
  const f = STAGE_LABELS[from];
  const t = STAGE_LABELS[to];
  if (d === 0)
    return {
      ok: false,
      code: 'SAME_STAGE',
      message: `the project is already in stage ${t.en}`,
      messageZh: `项目已处于“${t.zh}”阶段`,
    };
  const kind: StageMoveKind = d === 1 ? 'advance' : d > 1 ? 'skip' : 'adjustment';
  if (kind !== 'advance' && !reason?.trim())
    return {
      ok: false,
      code: 'REASON_REQUIRED',
      message: `moving from ${f.en} to ${t.en} is ${kind === 'skip' ? 'a skip' : 'an adjustment'}: give a reason`,
      messageZh: `从“${f.zh}”调整到“${t.zh}”属于${kind === 'skip' ? '跨阶段推进' : '阶段回调'}，须填写原因`,
    };
  return { ok: true, kind };
}

/**
 * Actual dates after a move: the new stage gets the move's date; after a back-step the stages
 * beyond the new one have not been reached any more, so their actual dates are cleared (the history
 * keeps when they were). Planned dates are never touched by a move.
 */
export function actualDatesAfterMove(
  actual: ReadonlyMap<Stage, string | null>,
  to: Stage,
  on: string,
): Map<Stage, string | null> {
  const out = new Map(actual);
  for (const [s] of out) if (stageIndex(s) > stageIndex(to)) out.set(s, null);
  out.set(to, on);
  return out;
}
