-- Issue 16: built-in evaluation schemes upgrade forward on start. builtin_hash is the sha256 of the canonical
-- dataset definition a version was seeded or upgraded from (null: a version the plan office saved, or one
-- seeded before this column). A version whose definition no longer hashes to it was edited in place.
ALTER TABLE evaluation_scheme ADD COLUMN builtin_hash text CHECK (builtin_hash ~ '^[0-9a-f]{64}$');
