-- State that two or more app processes against one database must share (issue 22): the request
-- counters of the rate limiter (held in each process's memory before, so two instances allowed twice
-- the logins) and the claims of scheduled runs (so a daily job runs once per day, not once per instance).
CREATE TABLE rate_limit_counter (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  window_ends timestamptz NOT NULL
);

CREATE TABLE scheduled_run (
  job text NOT NULL,
  run_key text NOT NULL,
  claimed_by text NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (job, run_key)
);
