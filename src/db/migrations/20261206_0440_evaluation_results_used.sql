-- Issue 16 item 4, results used: publishing an evaluation run tells the units evaluated (and the plan
-- office) their result, and the plan office turns a bottom-graded, vetoed or floor-capped unit of a
-- published run into a 督办 task in one step. The link between run, unit and the task/督办单 it created is
-- kept, one per run and unit.
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
  CHECK (kind IN ('new_warning', 'deadline_approaching', 'report_overdue', 'digest', 'task_notice', 'task_escalation',
                  'report_submitted', 'report_returned', 'report_approved', 'evaluation_published'));

CREATE TABLE evaluation_supervision (
  run_id integer NOT NULL REFERENCES evaluation_run (id),
  org_unit_id integer NOT NULL REFERENCES org_unit (id),
  task_id integer NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  notice_id integer NOT NULL REFERENCES task_notice (id) ON DELETE CASCADE,
  -- Why the unit qualified: its grade is the scheme's lowest, a veto hit it, or a plan floor capped it.
  reason text NOT NULL CHECK (reason IN ('bottom_grade', 'veto', 'floor')),
  created_by integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, org_unit_id)
);
CREATE INDEX evaluation_supervision_unit_idx ON evaluation_supervision (org_unit_id);
