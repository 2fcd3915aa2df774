/*
 * Types of the warning, stale-data and inbox API (/api/v1/warnings, /progress/stale, /inbox), inferred
 * from the server's schemas in src/presenters/warning.presenter.ts: never written here a second time.
 */
import type { Inbox, WarningEpisode } from '../../../src/presenters/warning.presenter.ts';

export type { WarningEpisode, WarningList, StaleTargets, Inbox } from '../../../src/presenters/warning.presenter.ts';
export type EpisodeLevel = WarningEpisode['level'];
export type InboxItem = Inbox['items'][number];
export type NotificationKind = InboxItem['kind'];
