-- Issue 15: figures taken from public sources (统计公报, 政府工作报告, official news items) are a fourth
-- origin, 'published', kept apart from 'plan', 'reported' and 'synthetic' (the origin is part of the key,
-- so a published figure sits beside a reported one for the same period). Each carries its citation:
-- title, publisher, publication date, address and the sentence that states it, as the dataset file
-- dataset/published/figures.yaml gives them (validated by src/domain/published/published-figure.schema.ts).
ALTER TABLE data_value DROP CONSTRAINT data_value_origin_check;
ALTER TABLE data_value ADD CONSTRAINT data_value_origin_check
  CHECK (origin IN ('plan', 'published', 'reported', 'synthetic'));
ALTER TABLE data_value ADD COLUMN citation jsonb;
ALTER TABLE data_value ADD CONSTRAINT data_value_citation_published
  CHECK ((origin = 'published') = (citation IS NOT NULL));

ALTER TABLE unit_year_figure DROP CONSTRAINT unit_year_figure_origin_check;
ALTER TABLE unit_year_figure ADD CONSTRAINT unit_year_figure_origin_check
  CHECK (origin IN ('plan', 'published', 'reported', 'synthetic'));
