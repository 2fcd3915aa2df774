-- Issue 18: "a returned report shows the comment at the cells it concerns". A reviewer who returns
-- or reopens a sheet may write a comment at each indicator: { "INDICATOR": "text as written" }.
-- Set by a return or reopening, emptied by the next submission or approval.
ALTER TABLE report_submission ADD COLUMN review_cell_comments jsonb NOT NULL DEFAULT '{}';
