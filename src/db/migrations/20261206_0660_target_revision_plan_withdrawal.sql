-- Issue 17 item 5: a published plan is corrected in place, never duplicated. Every correction of a
-- target (baseline, scope, target value/comparator/year, the unit its values were stated in) is a
-- revision: who, when, why (a required reason) and the values before and after. `target.version` is the
-- optimistic-concurrency counter every correction must quote, so two concurrent edits never silently
-- overwrite each other. A revision keeps plan and key besides target_id, so it outlives a re-import.
ALTER TABLE target ADD COLUMN version integer NOT NULL DEFAULT 1;
CREATE TABLE target_revision (
  id serial PRIMARY KEY,
  target_id integer REFERENCES target (id) ON DELETE SET NULL,
  plan_id text NOT NULL,
  target_key text NOT NULL,
  version integer NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  before jsonb NOT NULL,
  after jsonb NOT NULL,
  author_id integer REFERENCES app_user (id) ON DELETE SET NULL,
  author text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX target_revision_plan_key ON target_revision (plan_id, target_key, id);
-- A plan is withdrawn (撤回/停用), never deleted while it has data: hidden from lists, homes and monitoring
-- by default, its targets, figures and history kept; an administrator restores it.
ALTER TABLE plan ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE plan ADD COLUMN withdrawn_by text;
ALTER TABLE plan ADD COLUMN withdrawn_reason text;
