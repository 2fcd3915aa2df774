import type { Database } from '../../db/database.ts';
import {
  notifies,
  planEpisodeChanges,
  type CurrentWarning,
  type EpisodeChange,
  type Reason,
} from '../../domain/warnings/warning-episodes.ts';
import { codeToIdMap } from '../../repositories/org-unit.repository.ts';
import { insertNotifications, type NewNotification } from '../../repositories/notification.repository.ts';
import {
  closeEpisode,
  insertEpisode,
  lockWarningRefresh,
  openEpisodes,
  planIds,
  plansWithOpenEpisodes,
  withdrawnPlanIds,
  targetIdsByKey,
  updateEpisodeLevel,
} from '../../repositories/warning.repository.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { recordAuditBatch } from '../audit.service.ts';
import { recipientFinder } from '../notifications/recipients.ts';
import { planProgressSource, type ProgressSource, type TargetWarningView } from './progress-source.ts';

/** Roles told about a new warning on a unit they answer for. */
const WARNING_ROLES = ['plan_manager', 'reviewer', 'reporter'] as const;

export interface RefreshResult {
  at: string;
  plans: string[];
  opened: number;
  escalated: number;
  deEscalated: number;
  reasonsUpdated: number;
  closed: number;
  notifications: number;
}

/** The latest month that is over on a day (ISO): 2026-11-23 → 2026-10. */
export function latestClosedMonth(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const LEVEL_ZH = { red: '红色', yellow: '黄色' } as const;
const LEVEL_EN = { red: 'Red', yellow: 'Yellow' } as const;

function warningNotice(
  planTitle: string,
  planId: string,
  at: string,
  t: TargetWarningView,
  level: 'red' | 'yellow',
  reasons: Reason[],
) {
  const zhReasons = reasons.map((r) => r.zh).join('；') || '未给出原因';
  const enReasons = reasons.map((r) => r.en).join('; ') || 'no reason given';
  return {
    title: {
      zh: `${LEVEL_ZH[level]}预警：${t.subject.name}${t.indicator.name}`,
      en: `${LEVEL_EN[level]} warning: ${t.indicator.nameEn} (${t.subject.code})`,
    },
    body: {
      zh: `${zhReasons}（${planTitle}，目标 ${t.key}，截至 ${at}）`,
      en: `${enReasons} (plan ${planId}, target ${t.key}, as of ${at})`,
    },
    link: `#/monitor/${encodeURIComponent(planId)}/targets/${encodeURIComponent(t.key)}`,
  };
}

/**
 * Runs the progress service for every plan at a period (default: the latest month that is over),
 * then, in one audited transaction, opens, escalates, de-escalates and closes warning episodes and
 * notifies the users who answer for each newly warned (or newly red) target. Idempotent: running it
 * twice on the same figures changes nothing and notifies nobody twice.
 */
export async function refreshWarnings(
  database: Database,
  opts: { at?: string; today?: string; plans?: readonly string[]; progress?: ProgressSource } = {},
): Promise<RefreshResult> {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const at = opts.at ?? latestClosedMonth(today);
  const progress = opts.progress ?? planProgressSource;
  // A withdrawn plan is judged no more: its open episodes are looked at only to be closed.
  const plans = opts.plans
    ? [...opts.plans]
    : [...new Set([...(await planIds(database.db)), ...(await plansWithOpenEpisodes(database.db))])].sort();
  const withdrawn = await withdrawnPlanIds(database.db, plans);

  // Progress is computed outside the transaction: it only reads, and may take a while.
  const views = new Map<string, { planId: string; planTitle: string; target: TargetWarningView }>();
  const current: CurrentWarning[] = [];
  for (const plan of plans) {
    if (withdrawn.has(plan)) continue;
    const p = await progress(database, SYSTEM_ACTOR, { plan, at });
    for (const t of p.targets) {
      const key = `${plan}/${t.key}`;
      views.set(key, { planId: plan, planTitle: p.plan.title, target: t });
      current.push({ targetKey: key, level: t.warning.level, reasons: t.warning.reasons });
    }
  }

  return database.db.transaction().execute(async (trx) => {
    await lockWarningRefresh(trx);
    const open = (await openEpisodes(trx, plans)).map((e) => ({
      id: e.id,
      targetKey: `${e.plan_id}/${e.target_key}`,
      level: e.level,
      reasons: e.reasons,
    }));
    const changes = planEpisodeChanges(open, current);
    const [targetIds, unitIds, recipients] = await Promise.all([
      targetIdsByKey(trx, plans),
      codeToIdMap(trx, 'org_unit'),
      recipientFinder(trx),
    ]);
    const notices: NewNotification[] = [];
    const result: RefreshResult = {
      at,
      plans,
      opened: 0,
      escalated: 0,
      deEscalated: 0,
      reasonsUpdated: 0,
      closed: 0,
      notifications: 0,
    };
    for (const c of changes) {
      const episodeId = await applyChange(trx, c, at, views, targetIds, unitIds);
      result[COUNTER[c.kind]] += 1;
      const v = views.get(c.targetKey);
      if (!notifies(c) || !v || c.kind === 'close' || c.kind === 'update_reasons') continue;
      const level = c.kind === 'open' ? c.level : c.to;
      const notice = warningNotice(v.planTitle, v.planId, at, v.target, level, c.reasons);
      const orgUnit = v.target.subject.kind === 'org_unit' ? v.target.subject.code : null;
      for (const userId of recipients({ orgUnit, roles: WARNING_ROLES, plan: v.planId }))
        notices.push({ userId, kind: 'new_warning', ...notice, dedupeKey: `warning:${episodeId}:${level}` });
    }
    result.notifications = (await insertNotifications(trx, notices)).length;
    await recordAuditBatch(
      trx,
      SYSTEM_ACTOR,
      changes.map((c) => ({
        action: `warning.${c.kind}`,
        entity: 'warning_episode',
        entityKey: c.targetKey,
        after:
          c.kind === 'close'
            ? { period: at, endReason: c.endReason }
            : {
                period: at,
                level: c.kind === 'open' ? c.level : c.kind === 'update_reasons' ? undefined : c.to,
                reasons: c.reasons,
              },
      })),
    );
    return result;
  });
}

const COUNTER = {
  open: 'opened',
  escalate: 'escalated',
  de_escalate: 'deEscalated',
  update_reasons: 'reasonsUpdated',
  close: 'closed',
} as const satisfies Record<EpisodeChange['kind'], keyof RefreshResult>;

async function applyChange(
  trx: Parameters<typeof insertEpisode>[0],
  c: EpisodeChange,
  at: string,
  views: Map<string, { planId: string; target: TargetWarningView }>,
  targetIds: Map<string, number>,
  unitIds: Map<string, number>,
): Promise<number> {
  if (c.kind === 'open') {
    const v = views.get(c.targetKey)!;
    return insertEpisode(trx, {
      planId: v.planId,
      targetKey: v.target.key,
      targetId: targetIds.get(c.targetKey) ?? null,
      level: c.level,
      reasons: c.reasons,
      orgUnitId: v.target.subject.kind === 'org_unit' ? (unitIds.get(v.target.subject.code) ?? null) : null,
      period: at,
    });
  }
  if (c.kind === 'close') await closeEpisode(trx, c.episodeId, at, c.endReason);
  else if (c.kind === 'update_reasons') await updateEpisodeLevel(trx, c.episodeId, levelOf(views, c.targetKey), c.reasons);
  else await updateEpisodeLevel(trx, c.episodeId, c.to, c.reasons);
  return c.episodeId;
}

function levelOf(views: Map<string, { target: TargetWarningView }>, key: string): 'red' | 'yellow' {
  const level = views.get(key)!.target.warning.level;
  return level === 'green' ? 'yellow' : level;
}
