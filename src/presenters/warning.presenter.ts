import { z } from 'zod';
import { freshnessSchema } from './progress.presenter.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const level = z.enum(['red', 'yellow']);

export const warningEpisodeSchema = z.object({
  id: z.number().int(),
  plan: z.string(),
  target: z.string(),
  indicator: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
  level,
  peakLevel: level,
  reasons: z.array(bilingual),
  open: z.boolean(),
  startedAt: z.string(),
  startedPeriod: z.string(),
  endedAt: z.string().nullable(),
  endedPeriod: z.string().nullable(),
  endReason: bilingual.nullable(),
  orgUnit: z.object({ code: z.string(), name: z.string() }).nullable(),
});

export const warningListSchema = z.object({
  summary: z.object({ open: z.number().int(), red: z.number().int(), yellow: z.number().int(), units: z.number().int() }),
  units: z.array(
    z.object({
      orgUnit: z.object({ code: z.string(), name: z.string() }).nullable(),
      red: z.number().int(),
      yellow: z.number().int(),
      episodes: z.array(warningEpisodeSchema),
    }),
  ),
});

export const staleTargetsSchema = z.object({
  plan: z.object({ id: z.string(), title: z.string() }),
  at: z.string(),
  total: z.number().int(),
  stale: z.number().int(),
  targets: z.array(
    z.object({
      key: z.string(),
      indicator: z.object({ code: z.string(), name: z.string(), nameEn: z.string(), unit: z.string() }),
      subject: z.object({ kind: z.enum(['org_unit', 'group']), code: z.string(), name: z.string() }),
      freshness: freshnessSchema,
      warning: z.object({ level: z.enum(['red', 'yellow', 'green']), reasons: z.array(bilingual) }),
    }),
  ),
});

export const inboxSchema = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum([
        'new_warning',
        'deadline_approaching',
        'report_overdue',
        'digest',
        'task_notice',
        'task_escalation',
        'report_submitted',
        'report_returned',
        'report_approved',
        'evaluation_published',
      ]),
      title: bilingual,
      body: bilingual,
      link: z.string().nullable(),
      dueOn: z.string().nullable(),
      createdAt: z.string(),
      readAt: z.string().nullable(),
      emailedAt: z.string().nullable(),
    }),
  ),
});

export const unreadCountSchema = z.object({ unread: z.number().int() });

export type WarningEpisode = z.infer<typeof warningEpisodeSchema>;
export type WarningList = z.infer<typeof warningListSchema>;
export type StaleTargets = z.infer<typeof staleTargetsSchema>;
export type Inbox = z.infer<typeof inboxSchema>;
