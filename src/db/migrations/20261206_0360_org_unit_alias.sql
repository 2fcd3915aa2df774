-- Issue 18: other names a unit goes by (简称, former names, short forms such as 昆明高新区 for
-- 昆明高新技术产业开发区), matched when an import names units. The alias is kept as written;
-- match_key is the folded form (NFKC, Traditional read as Simplified, punctuation dropped) computed
-- by the application (src/domain/org-units/unit-name-key.ts), and one key names one unit at most.
CREATE TABLE org_unit_alias (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_unit_id integer NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
  alias text NOT NULL CHECK (length(alias) BETWEEN 1 AND 200),
  match_key text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('short', 'former', 'other')),
  -- 'derived': seeded from the official name by the shortening rules; 'admin': entered by an administrator.
  source text NOT NULL CHECK (source IN ('derived', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_unit_alias_unit ON org_unit_alias (org_unit_id);
