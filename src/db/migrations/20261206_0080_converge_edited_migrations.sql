-- Fix forward: migrations 0007 and 0010 were edited after databases had applied them, and a database
-- migrated before the edits kept the old schema. This brings any of their landed versions to the
-- current one; on a database that applied the current versions it changes nothing.

-- 0007, first versions: two trigger functions (unit_year_mark_new/_old), the earliest without the
-- restore guard. Current: one function taking 'new' or 'old'.
CREATE OR REPLACE FUNCTION unit_year_mark() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r data_value;
BEGIN
  IF current_setting('plantrack.restoring', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_ARGV[0] = 'old' THEN r := OLD; ELSE r := NEW; END IF;
  INSERT INTO unit_year_dirty VALUES (r.org_unit_id, r.indicator_id, extract(year FROM r.period_start)::int)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS data_value_year_insert ON data_value;
DROP TRIGGER IF EXISTS data_value_year_update_new ON data_value;
DROP TRIGGER IF EXISTS data_value_year_update_old ON data_value;
DROP TRIGGER IF EXISTS data_value_year_delete ON data_value;
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
DROP FUNCTION IF EXISTS unit_year_mark_new();
DROP FUNCTION IF EXISTS unit_year_mark_old();

-- 0010, first version: industry_chain.name was UNIQUE (an industry and its chain of the same name,
-- such as 生物医药, could then not both be written by the seed). Its 13 inserted rows stay: the seed
-- updates them by code, and projects may point at them.
ALTER TABLE industry_chain DROP CONSTRAINT IF EXISTS industry_chain_name_key;
