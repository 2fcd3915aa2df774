-- Issue 19, "Chinese throughout": a target's note is shown in the zh-CN UI, so `note` holds the
-- Chinese note and `note_en` the English one (as indicator.name / name_en). Notes written before
-- this are kept as they are; re-seeding the curated dataset fills both.
ALTER TABLE target ADD COLUMN note_en text;
