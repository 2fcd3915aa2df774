-- Projects (三张作战图: 策划 / 包装 / 储备 and on to 签约 / 开工 / 投产) and cross-zone transfer
-- (跨区域流转) with benefit sharing (issue 8, parts 2 and 3). See docs/projects.md.

-- Industry chains a project belongs to: the industry map's taxonomy (dataset/industry-map/chains.yaml,
-- its industries and their chains), written by the seed on every start like the forms and built-in
-- schemes. Reference data stays out of migrations so a backup restores onto a freshly migrated database.
CREATE TABLE industry_chain (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  name text NOT NULL,
  name_en text NOT NULL,
  ordinal integer NOT NULL
);

-- One investment project in a zone (an org unit: development zone, FTZ area, …). Amounts in 万元.
CREATE TABLE project (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- The zone that reports the project's statistics now (after a transfer: the destination).
  zone_id integer NOT NULL REFERENCES org_unit (id),
  -- 行业 as free text (国民经济行业分类 name), the chain from the catalogue.
  industry text,
  chain_code text REFERENCES industry_chain (code),
  total_investment numeric NOT NULL CHECK (total_investment >= 0),
  stage text NOT NULL CHECK (stage IN ('planning', 'packaging', 'reserve', 'signed', 'construction', 'production')),
  description text,
  -- Demo projects (PLANTRACK_DEMO_DATA) are synthetic and say so wherever they show.
  synthetic boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_zone_idx ON project (zone_id);
CREATE INDEX project_stage_idx ON project (stage);

-- Planned and actual date of every stage (a row per stage the project has a date for).
CREATE TABLE project_stage_date (
  project_id integer NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  stage text NOT NULL CHECK (stage IN ('planning', 'packaging', 'reserve', 'signed', 'construction', 'production')),
  planned_on date,
  actual_on date,
  PRIMARY KEY (project_id, stage)
);

-- Every stage change and adjustment, kept for good: who, when, from → to, field changes, reason.
CREATE TABLE project_change (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id integer NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id integer REFERENCES app_user (id) ON DELETE SET NULL,
  actor text NOT NULL,
  -- create; advance (next stage); skip (forward past a stage); adjustment (back); edit (fields); transfer
  kind text NOT NULL CHECK (kind IN ('create', 'advance', 'skip', 'adjustment', 'edit', 'transfer')),
  from_stage text,
  to_stage text,
  -- The stage change's effective date (the stage's actual date).
  effective_on date,
  -- Changed fields: { field: { from, to } }.
  changes jsonb NOT NULL DEFAULT '{}',
  reason text
);
CREATE INDEX project_change_project_idx ON project_change (project_id, id);

-- Monthly completed investment, output and tax of a project (万元, that month alone, not year-to-date).
CREATE TABLE project_month_figure (
  project_id integer NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  investment numeric,
  output numeric,
  tax numeric,
  origin text NOT NULL DEFAULT 'reported' CHECK (origin IN ('reported', 'synthetic')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, month)
);

-- A project moved from one zone to another whose statistics are shared for a period. The
-- destination reports the project; on read, progress moves from_share % of each shared figure back
-- to the origin zone (src/domain/projects/transfer-attribution.ts). Shares are percentages.
CREATE TABLE transfer_agreement (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id integer NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  from_zone_id integer NOT NULL REFERENCES org_unit (id),
  to_zone_id integer NOT NULL REFERENCES org_unit (id),
  from_share numeric NOT NULL CHECK (from_share >= 0 AND from_share <= 100),
  to_share numeric NOT NULL CHECK (to_share >= 0 AND to_share <= 100),
  start_month text NOT NULL CHECK (start_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  end_month text CHECK (end_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  reference text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by integer REFERENCES app_user (id) ON DELETE SET NULL,
  ended_at timestamptz,
  end_reason text,
  version integer NOT NULL DEFAULT 1,
  CHECK (from_zone_id <> to_zone_id),
  CHECK (from_share + to_share = 100),
  CHECK (end_month IS NULL OR end_month >= start_month)
);
CREATE INDEX transfer_agreement_project_idx ON transfer_agreement (project_id);

-- Shares for one indicator that differ from the agreement's own (e.g. tax 50/50, output 40/60).
CREATE TABLE transfer_agreement_share (
  agreement_id integer NOT NULL REFERENCES transfer_agreement (id) ON DELETE CASCADE,
  indicator_code text NOT NULL CHECK (indicator_code IN ('FAI', 'INDUSTRIAL_OUTPUT', 'TAX_REVENUE')),
  from_share numeric NOT NULL CHECK (from_share >= 0 AND from_share <= 100),
  to_share numeric NOT NULL CHECK (to_share >= 0 AND to_share <= 100),
  PRIMARY KEY (agreement_id, indicator_code),
  CHECK (from_share + to_share = 100)
);
