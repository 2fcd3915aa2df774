-- Failed logins counted by the name typed, not by the account: an unknown name locks exactly like a
-- known one, so the answers to repeated failures do not tell which user names exist (issue 21).
CREATE TABLE login_attempt (
  name_key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_failed_at timestamptz NOT NULL DEFAULT now()
);

-- Locks and counts held on accounts carry over; app_user.failed_logins/locked_until are no longer read.
INSERT INTO login_attempt (name_key, failures, locked_until)
SELECT lower(username), failed_logins, locked_until FROM app_user WHERE failed_logins > 0 OR locked_until IS NOT NULL;
