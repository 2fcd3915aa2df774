-- Early-warning episodes and notifications (issue 6, parts 3 and 7).

-- Where notification e-mails go; NULL = in-app inbox only.
ALTER TABLE app_user ADD COLUMN email text CHECK (email ~ '^[^@\s]+@[^@\s]+$');

-- One row per stretch of time a target stood at yellow or red. An episode stays open (ended_at
-- NULL) while the warning lasts, follows escalation and de-escalation in place, and closes when the
-- target turns green. Plan and target key are kept as text so that re-importing a plan (which
-- deletes and re-creates its targets) does not erase the history; target_id is a convenience link.
CREATE TABLE warning_episode (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id text NOT NULL,
  target_key text NOT NULL,
  target_id integer REFERENCES target (id) ON DELETE SET NULL,
  level text NOT NULL CHECK (level IN ('red', 'yellow')),
  -- The worst level reached during the episode.
  peak_level text NOT NULL CHECK (peak_level IN ('red', 'yellow')),
  reasons jsonb NOT NULL,
  -- The unit answerable for the target; NULL for a group target (板块, 主体功能区), answered at province level.
  org_unit_id integer REFERENCES org_unit (id),
  started_at timestamptz NOT NULL DEFAULT now(),
  started_period text NOT NULL,
  ended_at timestamptz,
  ended_period text,
  end_reason jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((ended_at IS NULL) = (ended_period IS NULL))
);
CREATE UNIQUE INDEX warning_episode_open_idx ON warning_episode (plan_id, target_key) WHERE ended_at IS NULL;
CREATE INDEX warning_episode_unit_idx ON warning_episode (org_unit_id, started_at DESC);

-- In-app inbox; the daily digest e-mails what is pending. dedupe_key makes every producer
-- idempotent: refreshing twice never notifies twice.
CREATE TABLE notification (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('new_warning', 'deadline_approaching', 'report_overdue', 'digest')),
  title_zh text NOT NULL,
  title_en text NOT NULL,
  body_zh text NOT NULL,
  body_en text NOT NULL,
  link text,
  -- For deadlines and overdue reports: the due date, so a digest can tell what is still ahead.
  due_on date,
  dedupe_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  emailed_at timestamptz,
  UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notification_inbox_idx ON notification (user_id, created_at DESC);
