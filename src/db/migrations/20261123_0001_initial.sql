-- PlanTrack initial schema. Forward-only: never edit an applied migration, add a new file.
-- Identifiers are integer identities; codes are the stable external keys.

CREATE TABLE org_unit (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  name_en text,
  kind text NOT NULL CHECK (kind IN ('province', 'prefecture', 'county', 'department', 'development_zone',
    'ftz', 'ftz_area', 'linkage_zone', 'bonded_zone', 'other')),
  parent_id integer REFERENCES org_unit (id),
  division_code text CHECK (division_code ~ '^[0-9]{6}$'),
  zone_level text CHECK (zone_level IN ('national', 'provincial')),
  zone_kind text,
  zone_prefecture_id integer REFERENCES org_unit (id),
  leading_industries text[] NOT NULL DEFAULT '{}',
  area_km2 numeric,
  source_plan_id text,
  source_section text,
  source_quote text
);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);

CREATE TABLE org_group (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  name_en text,
  kind text NOT NULL CHECK (kind IN ('bloc', 'main_function_area', 'zone_level', 'other')),
  source_plan_id text,
  source_section text,
  source_quote text
);

CREATE TABLE org_group_member (
  group_id integer NOT NULL REFERENCES org_group (id) ON DELETE CASCADE,
  org_unit_id integer NOT NULL REFERENCES org_unit (id),
  PRIMARY KEY (group_id, org_unit_id)
);

CREATE TABLE indicator (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  name_en text NOT NULL,
  unit text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('higher_better', 'lower_better', 'in_range')),
  nature text NOT NULL CHECK (nature IN ('expected', 'binding')),
  aggregation text NOT NULL CHECK (aggregation IN ('sum', 'average', 'weighted_average', 'ratio', 'none')),
  weight_indicator_id integer REFERENCES indicator (id),
  formula text,
  synonyms text[] NOT NULL DEFAULT '{}',
  description text
);

CREATE TABLE plan (
  id text PRIMARY KEY,
  title text NOT NULL,
  title_en text,
  issuer text NOT NULL,
  issued_on text,
  period_start integer NOT NULL,
  period_end integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_end >= period_start)
);

-- The plan's text as received and normalised (NFKC); quotes are offsets into normalised_text.
CREATE TABLE plan_source (
  plan_id text PRIMARY KEY REFERENCES plan (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  raw_text text NOT NULL,
  normalised_text text NOT NULL
);

CREATE TABLE plan_section (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id text NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  key text NOT NULL,
  parent_id integer REFERENCES plan_section (id) ON DELETE CASCADE,
  kind text NOT NULL,
  heading text NOT NULL,
  ordinal integer NOT NULL,
  text text NOT NULL DEFAULT '',
  UNIQUE (plan_id, key)
);

CREATE TABLE target (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id text NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  key text NOT NULL,
  section_id integer REFERENCES plan_section (id) ON DELETE SET NULL,
  indicator_id integer NOT NULL REFERENCES indicator (id),
  org_unit_id integer REFERENCES org_unit (id),
  group_id integer REFERENCES org_group (id),
  nature text NOT NULL CHECK (nature IN ('expected', 'binding')),
  baseline_year integer,
  baseline_value numeric,
  target_year integer NOT NULL,
  comparator text NOT NULL CHECK (comparator IN ('at_least', 'at_most', 'exactly', 'range', 'annual_growth',
    'cumulative_change', 'share', 'exceeds_growth_of', 'qualitative')),
  target_value numeric,
  target_min numeric,
  target_max numeric,
  target_rate numeric,
  reference_indicator_id integer REFERENCES indicator (id),
  target_text text,
  note text,
  source_plan_id text NOT NULL,
  source_section text,
  source_quote text NOT NULL,
  source_start integer,
  source_end integer,
  ordinal integer NOT NULL,
  UNIQUE (plan_id, key),
  CHECK ((org_unit_id IS NULL) <> (group_id IS NULL))
);
CREATE INDEX target_indicator_idx ON target (indicator_id);
CREATE INDEX target_org_unit_idx ON target (org_unit_id);

CREATE TABLE target_trajectory (
  target_id integer NOT NULL REFERENCES target (id) ON DELETE CASCADE,
  year integer NOT NULL,
  value numeric NOT NULL,
  PRIMARY KEY (target_id, year)
);

-- Contradictory figures in the sources are kept side by side, never resolved silently.
CREATE TABLE target_conflict (
  target_id integer NOT NULL REFERENCES target (id) ON DELETE CASCADE,
  other_target_id integer NOT NULL REFERENCES target (id) ON DELETE CASCADE,
  PRIMARY KEY (target_id, other_target_id)
);

CREATE TABLE task (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id text NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  key text NOT NULL,
  section_id integer REFERENCES plan_section (id) ON DELETE SET NULL,
  text text NOT NULL,
  responsible_text text,
  deadline text,
  source_plan_id text NOT NULL,
  source_section text,
  source_quote text NOT NULL,
  source_start integer,
  source_end integer,
  ordinal integer NOT NULL,
  UNIQUE (plan_id, key)
);

CREATE TABLE task_unit (
  task_id integer NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  org_unit_id integer NOT NULL REFERENCES org_unit (id),
  role text NOT NULL CHECK (role IN ('lead', 'co')),
  ordinal integer NOT NULL,
  PRIMARY KEY (task_id, org_unit_id, role)
);
CREATE INDEX task_unit_org_idx ON task_unit (org_unit_id);

-- One figure of one indicator for one org unit and period. Designed to be distributed by
-- org_unit_id (Citus) unchanged: the distribution column is in the primary key, there is no
-- surrogate id, and it references only small tables that become reference tables.
-- See docs/data-values-and-citus.md.
CREATE TABLE data_value (
  org_unit_id integer NOT NULL REFERENCES org_unit (id),
  indicator_id integer NOT NULL REFERENCES indicator (id),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$'),
  period_kind text NOT NULL CHECK (period_kind IN ('year', 'quarter', 'month')),
  period_start date NOT NULL,
  period_end date NOT NULL,
  cumulative boolean NOT NULL DEFAULT false,
  origin text NOT NULL CHECK (origin IN ('plan', 'reported', 'synthetic')),
  value numeric NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  version integer NOT NULL DEFAULT 1,
  source_plan_id text,
  source_quote text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_unit_id, indicator_id, period, cumulative, origin)
);
CREATE INDEX data_value_indicator_period_idx ON data_value (indicator_id, period_start);
