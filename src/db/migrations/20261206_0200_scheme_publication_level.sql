-- Issue 21: how much of a published evaluation run readers outside a unit's subtree see of that unit —
-- 'grade' (the grade only), 'score' (rank, total score and grade; the default) or 'detail' (everything,
-- indicator figures and sub-scores too). A property of the scheme version, frozen with it.
ALTER TABLE evaluation_scheme ADD COLUMN publishes text NOT NULL DEFAULT 'score';
ALTER TABLE evaluation_scheme ADD CONSTRAINT evaluation_scheme_publishes_check CHECK (publishes IN ('grade', 'score', 'detail'));
