/*
 * Shapes of the warning, stale-data and inbox API (/api/v1/warnings, /progress/stale, /inbox;
 * src/presenters/warning.presenter.ts on the server).
 */

import type { Freshness, IndicatorRef, WarningLevel } from './progressTypes.ts';
import type { Bilingual } from './reportingTypes.ts';

export type EpisodeLevel = Exclude<WarningLevel, 'green'>;

export interface WarningEpisode {
  id: number;
  plan: string;
  target: string;
  indicator: { code: string; name: string; nameEn: string } | null;
  level: EpisodeLevel;
  peakLevel: EpisodeLevel;
  reasons: Bilingual[];
  open: boolean;
  startedAt: string;
  startedPeriod: string;
  endedAt: string | null;
  endedPeriod: string | null;
  endReason: Bilingual | null;
  orgUnit: { code: string; name: string } | null;
}

export interface WarningList {
  summary: { open: number; red: number; yellow: number; units: number };
  units: { orgUnit: { code: string; name: string } | null; red: number; yellow: number; episodes: WarningEpisode[] }[];
}

export interface StaleTargets {
  plan: { id: string; title: string };
  at: string;
  total: number;
  stale: number;
  targets: {
    key: string;
    indicator: IndicatorRef;
    subject: { kind: 'org_unit' | 'group'; code: string; name: string };
    freshness: Freshness;
    warning: { level: WarningLevel; reasons: Bilingual[] };
  }[];
}

export type NotificationKind =
  'new_warning' | 'deadline_approaching' | 'report_overdue' | 'digest' | 'task_notice' | 'task_escalation';

export interface InboxItem {
  id: number;
  kind: NotificationKind;
  title: Bilingual;
  body: Bilingual;
  /** A hash link inside the app (#/monitor/…, #/reporting/…), or null. */
  link: string | null;
  dueOn: string | null;
  createdAt: string;
  readAt: string | null;
  emailedAt: string | null;
}

export interface Inbox {
  unread: number;
  items: InboxItem[];
}
