-- Issue 18: the review view shows the attachments a unit sends with its sheet (台账, 情况说明 scans).
-- A reporter's upload (POST /attachments) is claimed by a submission as owner 'report_submission'.
ALTER TABLE attachment DROP CONSTRAINT attachment_owner_kind_check;
ALTER TABLE attachment ADD CONSTRAINT attachment_owner_kind_check
  CHECK (owner_kind IN ('task_update', 'task_contribution', 'notice_reply', 'report_submission'));
