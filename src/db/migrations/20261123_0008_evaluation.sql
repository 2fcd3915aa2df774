-- Evaluation and ranking (issue 7): schemes as versioned data, and the runs made with them.

-- One row per version of a scheme. A version used by a published run is frozen and never changes again;
-- saving changes to a frozen version creates the next version as a draft. `definition` is the stored
-- scheme (src/domain/evaluation/stored-scheme.schema.ts, input form: defaults not filled in).
CREATE TABLE evaluation_scheme (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]*$'),
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'frozen')),
  -- Shipped with the dataset (dataset/evaluation-schemes/*.yaml); an edit still makes a new version.
  builtin boolean NOT NULL DEFAULT false,
  name text NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by integer REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES app_user (id),
  frozen_at timestamptz,
  frozen_by integer REFERENCES app_user (id),
  UNIQUE (code, version),
  CHECK ((status = 'frozen') = (frozen_at IS NOT NULL))
);

-- One evaluation of one scheme version for one year. `input` keeps every unit's values as exact decimal
-- strings (null = missing), so the run can be recomputed bit for bit; data_hash is the sha256 of the
-- canonical input. `results` is the computed run (scores, ranks, grades, sensitivity, explanations).
CREATE TABLE evaluation_run (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scheme_id integer NOT NULL REFERENCES evaluation_scheme (id),
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  seed integer NOT NULL CHECK (seed >= 0),
  samples integer NOT NULL CHECK (samples >= 0),
  input jsonb NOT NULL,
  data_hash text NOT NULL CHECK (data_hash ~ '^[0-9a-f]{64}$'),
  results jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by integer REFERENCES app_user (id),
  published_at timestamptz,
  published_by integer REFERENCES app_user (id),
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX evaluation_run_scheme_year_idx ON evaluation_run (scheme_id, year, created_at DESC);
