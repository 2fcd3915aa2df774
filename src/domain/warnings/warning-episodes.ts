/**
 * Warning episodes: a target's stretch of time at yellow or red. Given the episodes still open and
 * the levels the progress service reports now, decides what to open, escalate, de-escalate,
 * refresh or close. Pure: the service applies the result in one transaction.
 */

export type WarningLevel = 'red' | 'yellow' | 'green';
export type EpisodeLevel = Exclude<WarningLevel, 'green'>;
export interface Reason {
  zh: string;
  en: string;
}

export interface OpenEpisode {
  id: number;
  /** Identifies the target across refreshes (plan id + target key in the service). */
  targetKey: string;
  level: EpisodeLevel;
  reasons: readonly Reason[];
}

export interface CurrentWarning {
  targetKey: string;
  level: WarningLevel;
  reasons: readonly Reason[];
}

export type EpisodeChange =
  | { kind: 'open'; targetKey: string; level: EpisodeLevel; reasons: Reason[] }
  | {
      kind: 'escalate' | 'de_escalate';
      episodeId: number;
      targetKey: string;
      from: EpisodeLevel;
      to: EpisodeLevel;
      reasons: Reason[];
    }
  | { kind: 'update_reasons'; episodeId: number; targetKey: string; reasons: Reason[] }
  | { kind: 'close'; episodeId: number; targetKey: string; endReason: Reason };

export const END_REASONS = {
  recovered: { zh: '指标恢复正常（绿色）', en: 'the target is back to green' },
  notMonitored: { zh: '该目标已不再监测', en: 'the target is no longer monitored' },
} as const satisfies Record<string, Reason>;

const sameReasons = (a: readonly Reason[], b: readonly Reason[]) =>
  a.length === b.length && a.every((r, i) => r.zh === b[i]!.zh && r.en === b[i]!.en);

/**
 * Changes that bring the open episodes in line with the current levels. Open episodes whose target
 * is not in `current` at all are closed as no longer monitored (the caller passes every target of
 * the plans it refreshed, so a missing one was removed from the plan). Output is ordered by target.
 */
export function planEpisodeChanges(open: readonly OpenEpisode[], current: readonly CurrentWarning[]): EpisodeChange[] {
  const openBy = new Map<string, OpenEpisode>();
  for (const e of open) {
    // The database allows one open episode per target; a duplicate here would be a bug upstream.
    if (openBy.has(e.targetKey)) throw new Error(`two open episodes for target ${e.targetKey}`);
    openBy.set(e.targetKey, e);
  }
  const changes: EpisodeChange[] = [];
  const seen = new Set<string>();
  for (const c of current) {
    seen.add(c.targetKey);
    const e = openBy.get(c.targetKey);
    const reasons = [...c.reasons];
    if (!e) {
      if (c.level !== 'green') changes.push({ kind: 'open', targetKey: c.targetKey, level: c.level, reasons });
    } else if (c.level === 'green') {
      changes.push({ kind: 'close', episodeId: e.id, targetKey: c.targetKey, endReason: END_REASONS.recovered });
    } else if (c.level !== e.level) {
      changes.push({
        kind: c.level === 'red' ? 'escalate' : 'de_escalate',
        episodeId: e.id,
        targetKey: c.targetKey,
        from: e.level,
        to: c.level,
        reasons,
      });
    } else if (!sameReasons(e.reasons, c.reasons)) {
      changes.push({ kind: 'update_reasons', episodeId: e.id, targetKey: c.targetKey, reasons });
    }
  }
  for (const e of open)
    if (!seen.has(e.targetKey))
      changes.push({ kind: 'close', episodeId: e.id, targetKey: e.targetKey, endReason: END_REASONS.notMonitored });
  return changes.sort((a, b) => (a.targetKey < b.targetKey ? -1 : a.targetKey > b.targetKey ? 1 : 0));
}

/** Whether a change deserves a notification: a new warning, or one that turned red. */
export function notifies(change: EpisodeChange): boolean {
  return change.kind === 'open' || change.kind === 'escalate';
}
