-- Issue 15 item 4: the comparators plans really use.
-- 提高N个百分点 / 提高1岁 (increase_by) and 与GDP增长基本同步 (growth_in_step_with) join the comparators;
-- a floor or ceiling may bind every year of the plan (每年…以上, 控制在…以内), not only its end year;
-- an indicator may be reported as the change on the year before (增长8.1%, 下降3.2%) rather than as a level.
ALTER TABLE target DROP CONSTRAINT target_comparator_check;
ALTER TABLE target ADD CONSTRAINT target_comparator_check CHECK (comparator IN ('at_least', 'at_most', 'exactly',
  'range', 'annual_growth', 'cumulative_change', 'share', 'exceeds_growth_of', 'qualitative', 'increase_by',
  'growth_in_step_with'));
ALTER TABLE target ADD COLUMN every_year boolean NOT NULL DEFAULT false;
ALTER TABLE target ADD CONSTRAINT target_every_year_check
  CHECK (NOT every_year OR comparator IN ('at_least', 'at_most', 'annual_growth'));
ALTER TABLE indicator ADD COLUMN measure text NOT NULL DEFAULT 'level' CHECK (measure IN ('level', 'annual_change'));
