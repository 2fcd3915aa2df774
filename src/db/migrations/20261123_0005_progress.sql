-- Progress monitoring: the method each plan is judged by (null = the official Chinese classes).
ALTER TABLE plan
  ADD COLUMN progress_method text CHECK (progress_method IN ('official', 'unsd', 'opensdg', 'escap'));
