import type { Database } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { planProgress } from '../progress/plan-progress.service.ts';

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
    owes: {
      orgUnit: string;
      orgUnitName: string;
      form: string;
      formName: string;
      formNameEn: string;
      period: string;
      dueDate: string;
    } | null;
  };
  warning: { level: 'red' | 'yellow' | 'green'; reasons: { zh: string; en: string }[] };
}

export interface PlanProgressView {
  plan: { id: string; title: string };
  at: string;
  targets: TargetWarningView[];
}

export type ProgressSource = (database: Database, actor: Actor, q: { plan: string; at: string }) => Promise<PlanProgressView>;

/** The real progress service (src/services/progress/); tests may pass their own source. */
export const planProgressSource: ProgressSource = (database, actor, q) => planProgress(database, actor, q);
