-- Issue 19: an owner and a short commentary per target per period (ClearPoint/Envisio-style
-- scorecards), written by the target's responsible unit or the plan's managers, shown on the
-- target's page and in the monitoring brief. One row per target and period; `version` is the
-- optimistic-concurrency counter every write must quote. The owner is the target's responsible unit
-- when it was written (NULL for a group target, which no single unit answers for).
CREATE TABLE target_commentary (
  id serial PRIMARY KEY,
  target_id integer NOT NULL REFERENCES target (id) ON DELETE CASCADE,
  period text NOT NULL,
  owner_org_unit_id integer REFERENCES org_unit (id),
  body text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  author_id integer REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (target_id, period)
);
