-- Analytics table (issue 22 item 1), after DHIS2's analytics tables: one row per org unit, indicator and
-- year holding the figure of the unit's whole subtree, rolled up by the indicator's rule (the same
-- domain function a question would run, src/domain/progress/subject-series.ts), with the unit's
-- ancestor keys, so that a province- or group-wide question reads a few rows instead of walking every
-- unit below. It also keeps what freshness needs of the unit's own figures: latest periods and update.
--
-- Rows are computed in the application from unit_year_figure (migration 0007). Whenever a yearly row
-- is recomputed, its (unit, indicator, year) is queued in analytics_dirty in the same transaction;
-- the refresh recomputes the queued units and their ancestors, reading the stored rows of untouched
-- siblings. analytics_state records the rules the rows were computed under (indicator aggregation,
-- forms, the tree): when they change, the table is rebuilt.
--
-- Partitioned by year (declarative partitioning; PGlite supports it as well), one partition per year
-- of 2000–2039 and a default one.
CREATE TABLE analytics_figure (
  year integer NOT NULL,
  org_unit_id integer NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
  indicator_id integer NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  -- The unit's ancestors from the root down, the unit itself last (DHIS2's level columns).
  ancestors integer[] NOT NULL,
  -- The subtree's figure (null when nothing below the unit gives one).
  value numeric,
  origin text,
  partial boolean,
  last_period text,
  -- The unit's own figures that year (null when it has none): latest update, any 累计, the latest
  -- month / quarter / year stated, and every period stated.
  own_updated_at timestamptz,
  own_cumulative boolean,
  latest_month text,
  latest_quarter text,
  latest_year text,
  own_periods text[],
  PRIMARY KEY (year, org_unit_id, indicator_id)
) PARTITION BY RANGE (year);

DO $$
BEGIN
  FOR y IN 2000..2039 LOOP
    EXECUTE format('CREATE TABLE analytics_figure_%s PARTITION OF analytics_figure FOR VALUES FROM (%s) TO (%s)', y, y, y + 1);
  END LOOP;
END $$;
CREATE TABLE analytics_figure_default PARTITION OF analytics_figure DEFAULT;

CREATE INDEX analytics_figure_unit ON analytics_figure (org_unit_id, indicator_id, year);
CREATE INDEX analytics_figure_ancestors ON analytics_figure USING gin (ancestors);

CREATE TABLE analytics_dirty (
  year integer NOT NULL,
  org_unit_id integer NOT NULL,
  indicator_id integer NOT NULL,
  PRIMARY KEY (year, org_unit_id, indicator_id)
);

CREATE TABLE analytics_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  -- Hash of the indicator rules, level codes and unit tree the rows were computed under.
  fingerprint text NOT NULL
);

-- A TRUNCATE of data_value empties unit_year_figure (migration 0007) and this table with it.
CREATE FUNCTION analytics_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analytics_figure;
  DELETE FROM analytics_dirty;
  DELETE FROM analytics_state;
  RETURN NULL;
END $$;
CREATE TRIGGER data_value_analytics_truncate AFTER TRUNCATE ON data_value
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_truncate();

-- Existing yearly rows: the first refresh computes every unit.
INSERT INTO analytics_dirty SELECT year, org_unit_id, indicator_id FROM unit_year_figure;
