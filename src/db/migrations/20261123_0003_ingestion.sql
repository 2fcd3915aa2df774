-- Plan documents uploaded for extraction, with the candidates proposed for review.
CREATE TABLE ingestion_draft (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_name text NOT NULL,
  -- The document's text as read (before normalisation); candidate offsets point into it.
  raw_text text NOT NULL,
  result jsonb NOT NULL,
  created_by integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  accepted_plan_id text REFERENCES plan (id) ON DELETE SET NULL
);
