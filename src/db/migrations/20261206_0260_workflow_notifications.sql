-- Issue 18: the reporting workflow tells people what happened. Submitting notifies the reviewers over the
-- unit; returning (or reopening) and approving notify the unit's reporters, with the reviewer's comment.
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
  CHECK (kind IN ('new_warning', 'deadline_approaching', 'report_overdue', 'digest', 'task_notice', 'task_escalation',
                  'report_submitted', 'report_returned', 'report_approved'));
