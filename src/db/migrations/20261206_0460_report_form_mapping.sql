-- Issue 18: "a mapping chosen once is remembered for that form". When a reporter tells the import
-- that a name it did not recognise (a unit written as "蒙自经开区（本级）", a column headed "营收") means
-- a unit or an indicator of the form, the choice is kept here and applied to every later import of
-- that form. source_text is kept as written; match_key is the folded form the import matches on
-- (computed by the application: unitNameKey for units, matchKey for indicators); one key maps to one
-- target per form and kind. Adding and removing are audited as report_form_mapping.
CREATE TABLE report_form_mapping (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  form_id integer NOT NULL REFERENCES report_form (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('org_unit', 'indicator')),
  source_text text NOT NULL CHECK (length(source_text) BETWEEN 1 AND 200),
  match_key text NOT NULL,
  -- An org unit code (kind org_unit) or an indicator code (kind indicator).
  target_code text NOT NULL,
  created_by integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (form_id, kind, match_key)
);
