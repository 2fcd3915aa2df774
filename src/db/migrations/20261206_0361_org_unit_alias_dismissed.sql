-- Issue 18: a seeded short form an administrator removed stays removed: the start's seeding
-- (syncDerivedAliases) skips the keys listed here. Adding the alias again by hand clears it.
CREATE TABLE org_unit_alias_dismissed (
  org_unit_id integer NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
  match_key text NOT NULL,
  PRIMARY KEY (org_unit_id, match_key)
);
