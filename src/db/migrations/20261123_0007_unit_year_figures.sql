-- Precomputed yearly figures for progress monitoring (issue 6, benchmark): each unit's own figure of
-- an indicator for a whole year, collapsed from its months/quarters/year by the domain's rule
-- (src/domain/progress/aggregate.ts collapsePeriod). A plan's progress reads one row per unit and year
-- instead of every month behind it; the roll-up over units still happens in the domain code.
--
-- The rows are computed in the application, never in SQL, so that there is one implementation of the
-- collapse. The database only records which (unit, indicator, year) changed: triggers on data_value put
-- the key in unit_year_dirty, and the application recomputes dirty keys before it reads (and after
-- approvals). Only figures progress can see mark a key: reported ones once approved (or when an
-- approved one changes), plan-stated and synthetic ones always — so draft entry and imports pay nothing.
CREATE TABLE unit_year_figure (
  org_unit_id integer NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
  indicator_id integer NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  year integer NOT NULL,
  value numeric NOT NULL,
  -- The weakest origin that went into the figure ('reported' < 'plan' < 'synthetic' in trust).
  origin text NOT NULL CHECK (origin IN ('plan', 'reported', 'synthetic')),
  -- Not the whole year: a year-to-date figure before December, or a flow with months missing.
  partial boolean NOT NULL,
  last_period text NOT NULL,
  -- Whether sub-annual figures were added up (a flow) when the row was computed; a row computed
  -- under another rule (the forms or the indicator's aggregation changed) is recomputed on read.
  additive boolean NOT NULL,
  -- Any year-to-date (累计) figure among the inputs.
  cumulative boolean NOT NULL,
  -- Every period with a figure that year (freshness: who reported what, the latest period).
  periods text[] NOT NULL,
  -- The latest update of those figures.
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_unit_id, indicator_id, year)
);

CREATE TABLE unit_year_dirty (
  org_unit_id integer NOT NULL,
  indicator_id integer NOT NULL,
  year integer NOT NULL,
  PRIMARY KEY (org_unit_id, indicator_id, year)
);

-- Queues the key of the row before (argument 'old') or after the change.
CREATE FUNCTION unit_year_mark() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r data_value;
BEGIN
  IF current_setting('plantrack.restoring', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_ARGV[0] = 'old' THEN r := OLD; ELSE r := NEW; END IF;
  INSERT INTO unit_year_dirty VALUES (r.org_unit_id, r.indicator_id, extract(year FROM r.period_start)::int)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- Row triggers with WHEN: a draft row never calls a function, so bulk draft imports are not slowed.
-- A backup restore sets plantrack.restoring: it loads both tables as they were, queue included, and
-- must not add to them even when its role cannot switch triggers off.
CREATE TRIGGER data_value_year_insert AFTER INSERT ON data_value FOR EACH ROW
  WHEN (NEW.origin <> 'reported' OR NEW.status = 'approved') EXECUTE FUNCTION unit_year_mark('new');
CREATE TRIGGER data_value_year_update_new AFTER UPDATE ON data_value FOR EACH ROW
  WHEN (NEW.origin <> 'reported' OR NEW.status = 'approved' OR OLD.origin <> 'reported' OR OLD.status = 'approved')
  EXECUTE FUNCTION unit_year_mark('new');
CREATE TRIGGER data_value_year_update_old AFTER UPDATE ON data_value FOR EACH ROW
  WHEN ((OLD.origin <> 'reported' OR OLD.status = 'approved')
        AND (OLD.org_unit_id, OLD.indicator_id, OLD.period_start) IS DISTINCT FROM (NEW.org_unit_id, NEW.indicator_id, NEW.period_start))
  EXECUTE FUNCTION unit_year_mark('old');
CREATE TRIGGER data_value_year_delete AFTER DELETE ON data_value FOR EACH ROW
  WHEN (OLD.origin <> 'reported' OR OLD.status = 'approved') EXECUTE FUNCTION unit_year_mark('old');

CREATE FUNCTION unit_year_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM unit_year_figure;
  DELETE FROM unit_year_dirty;
  RETURN NULL;
END $$;
CREATE TRIGGER data_value_year_truncate AFTER TRUNCATE ON data_value
  FOR EACH STATEMENT EXECUTE FUNCTION unit_year_truncate();

-- Figures that exist before this migration.
INSERT INTO unit_year_dirty
SELECT DISTINCT org_unit_id, indicator_id, extract(year FROM period_start)::int FROM data_value
WHERE origin <> 'reported' OR status = 'approved';
