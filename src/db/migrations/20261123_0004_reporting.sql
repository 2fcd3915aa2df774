-- Statistical reporting (填报): forms as data, one submission per form × unit × period, import batches.

-- A form's whole definition (items, deadline, reporters, rules) is validated by the domain schema
-- and kept as jsonb; editing it bumps version, and each submission records the version it was checked with.
CREATE TABLE report_form (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  name_en text NOT NULL,
  frequency text NOT NULL CHECK (frequency IN ('month', 'quarter', 'year')),
  definition jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE report_submission (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  form_id integer NOT NULL REFERENCES report_form (id),
  org_unit_id integer NOT NULL REFERENCES org_unit (id),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$'),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  -- Optimistic concurrency for transitions and explanations; 0 until the first change, as for a
  -- submission that does not exist yet.
  version integer NOT NULL DEFAULT 0,
  form_version integer NOT NULL,
  due_date date NOT NULL,
  -- Timeliness counts from the first submission, so a correction after a return is not "late".
  first_submitted_at timestamptz,
  submitted_at timestamptz,
  submitted_by integer REFERENCES app_user (id),
  reviewed_at timestamptz,
  reviewed_by integer REFERENCES app_user (id),
  review_comment text,
  -- Reporter's explanation per soft finding: { "ruleId/INDICATOR": "text" }.
  explanations jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (form_id, org_unit_id, period)
);
CREATE INDEX report_submission_status_idx ON report_submission (status, form_id, period);

-- Every committed upload, so that re-sending a file can be recognised and the history shown.
CREATE TABLE report_import (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  form_id integer NOT NULL REFERENCES report_form (id),
  file_name text NOT NULL,
  sha256 text NOT NULL,
  format text NOT NULL CHECK (format IN ('xlsx', 'csv', 'json')),
  values_read integer NOT NULL,
  values_changed integer NOT NULL,
  submissions integer NOT NULL,
  created_by integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_import_sha_idx ON report_import (form_id, sha256);
