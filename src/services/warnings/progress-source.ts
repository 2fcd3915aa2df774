import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../actor.ts';

/**
 * The part of the progress service's PlanProgress (issue-6 contract, src/services/progress/) that
 * warnings and freshness use. Warnings never recompute progress: they record what it says.
 */
export interface TargetWarningView {
  key: string;
  indicator: { code: string; name: string; nameEn: string; unit: string };
  subject: { kind: 'org_unit' | 'group'; code: string; name: string };
  freshness: {
    lastUpdated: string | null;
    lastPeriod: string | null;
    stale: boolean;
    owes: { orgUnit: string; orgUnitName: string; form: string; period: string; dueDate: string } | null;
  };
  warning: { level: 'red' | 'yellow' | 'green'; reasons: { zh: string; en: string }[] };
}

export interface PlanProgressView {
  plan: { id: string; title: string };
  at: string;
  targets: TargetWarningView[];
}

export type ProgressSource = (database: Database, actor: Actor, q: { plan: string; at: string }) => Promise<PlanProgressView>;

// Loaded lazily by path so that this module builds while the progress service is being written.
const PROGRESS_MODULE = '../progress/progress.service.ts';

/** planProgress from src/services/progress/, or 503 PROGRESS_UNAVAILABLE when it is not there. */
export const planProgressSource: ProgressSource = async (database, actor, q) => {
  let mod: { planProgress?: ProgressSource };
  try {
    mod = (await import(PROGRESS_MODULE)) as { planProgress?: ProgressSource };
  } catch {
    mod = {};
  }
  if (!mod.planProgress)
    throw new AppError(503, 'PROGRESS_UNAVAILABLE', 'the progress service is not available', '进度监测服务不可用');
  return mod.planProgress(database, actor, q);
};
