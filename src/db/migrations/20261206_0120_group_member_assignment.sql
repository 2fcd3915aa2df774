-- Issue 16: a plan office assigns units to groups (主体功能区 types) by hand. Such a membership records who
-- assigned it, when and why; a dataset re-seed replaces only the memberships the dataset itself defines
-- (assigned_at null), never the plan office's.
ALTER TABLE org_group_member ADD COLUMN assigned_at timestamptz;
ALTER TABLE org_group_member ADD COLUMN assigned_by_user_id integer REFERENCES app_user (id);
ALTER TABLE org_group_member ADD COLUMN assigned_by text;
ALTER TABLE org_group_member ADD COLUMN reason text;
