-- Kept dashboard answers (src/services/answers/answer-cache.ts, issue 22) must notice figures that a
-- refresh recomputed without an audited write announcing it: an approved figure corrected by SQL is
-- queued by data_value's triggers and recomputed by the next reader or the scheduler's poll. Every
-- statement that changes the yearly or the analytics table moves this sequence, and an answer is
-- kept only under the value it was judged at. A sequence, not a counter row: bumping it takes no
-- row lock, so concurrent refreshes and imports do not queue behind one another.
CREATE SEQUENCE figures_generation;

CREATE FUNCTION bump_figures_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('figures_generation');
  RETURN NULL;
END $$;

CREATE TRIGGER unit_year_figure_generation AFTER INSERT OR UPDATE OR DELETE ON unit_year_figure
  FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_generation();
CREATE TRIGGER analytics_figure_generation AFTER INSERT OR UPDATE OR DELETE ON analytics_figure
  FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_generation();
