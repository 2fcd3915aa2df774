-- Task supervision (issue 8): milestones, progress updates by the lead unit, contributions by the
-- co-units, closure (销号) by the plan office, supervision notices (督办单) with reply deadline and
-- escalation, and the attachments that updates, contributions and replies carry.
-- Status (未启动/推进中/已完成/滞后/已销号) is never stored: src/domain/tasks derives it on read.

-- The plan's deadline stays as written (deadline, e.g. "2020年底前"); deadline_on is the date it
-- means where the text can be read as one (null for "长期坚持"). version guards concurrent edits.
ALTER TABLE task ADD COLUMN deadline_on date;
ALTER TABLE task ADD COLUMN version integer NOT NULL DEFAULT 0;
ALTER TABLE task ADD COLUMN closed_at timestamptz;
ALTER TABLE task ADD COLUMN closed_by integer REFERENCES app_user (id);
ALTER TABLE task ADD COLUMN close_reason text;
-- Unit names from an imported task list that match no org unit, kept as written when the importer
-- chose to keep them (never dropped silently).
ALTER TABLE task ADD COLUMN lead_unmatched text[] NOT NULL DEFAULT '{}';
ALTER TABLE task ADD COLUMN co_unmatched text[] NOT NULL DEFAULT '{}';

CREATE TABLE task_milestone (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id integer NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  title text NOT NULL,
  due_on date NOT NULL,
  done_at timestamptz,
  created_by integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_milestone_task_idx ON task_milestone (task_id, due_on);

-- A progress update by (a user of) one of the task's lead units: its own estimate in whole percent.
CREATE TABLE task_update (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id integer NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  org_unit_id integer NOT NULL REFERENCES org_unit (id),
  body text NOT NULL,
  percent integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
  author_id integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_update_task_idx ON task_update (task_id, created_at);

CREATE TABLE task_contribution (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id integer NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  org_unit_id integer NOT NULL REFERENCES org_unit (id),
  body text NOT NULL,
  author_id integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_contribution_task_idx ON task_contribution (task_id, created_at);

-- 督办单: the plan office asks one unit about one task and wants a reply by reply_by. Unreplied past
-- that date, the scheduler escalates it (level + 1, the unit's superior and the plan office told).
CREATE TABLE task_notice (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id integer NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  org_unit_id integer NOT NULL REFERENCES org_unit (id),
  body text NOT NULL,
  reply_by date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'replied', 'escalated', 'closed')),
  level integer NOT NULL DEFAULT 1 CHECK (level >= 1),
  issued_by integer REFERENCES app_user (id),
  issued_at timestamptz NOT NULL DEFAULT now(),
  reply_text text,
  replied_by integer REFERENCES app_user (id),
  replied_at timestamptz,
  escalated_at timestamptz,
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 0
);
CREATE INDEX task_notice_task_idx ON task_notice (task_id);
CREATE INDEX task_notice_open_idx ON task_notice (status, reply_by);

-- Files are stored outside the database (src/storage): disk or S3-compatible, under storage_key,
-- which is the content's sha256 — never a name a user chose, so no path can be smuggled in. An
-- upload belongs to nobody until an update, contribution or notice reply claims it.
CREATE TABLE attachment (
  id text PRIMARY KEY,
  name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text NOT NULL,
  uploaded_by integer REFERENCES app_user (id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  owner_kind text CHECK (owner_kind IN ('task_update', 'task_contribution', 'notice_reply')),
  owner_id integer,
  CHECK ((owner_kind IS NULL) = (owner_id IS NULL))
);
CREATE INDEX attachment_owner_idx ON attachment (owner_kind, owner_id);

-- Notices and escalations reach the inbox like warnings and deadlines do.
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
  CHECK (kind IN ('new_warning', 'deadline_approaching', 'report_overdue', 'digest', 'task_notice', 'task_escalation'));
