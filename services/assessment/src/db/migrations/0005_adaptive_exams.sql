-- Adaptive exams. Items keep their 2PL parameters: the author's (from catalog) and the calibrated ones
-- (from adaptive, once enough students answered). An adaptive attempt keeps where it stands; a submission of
-- one keeps the ability estimate its score comes from.
alter table assessment.items
  add column author_a double precision,
  add column author_b double precision,
  add column calibrated_a double precision,
  add column calibrated_b double precision;
alter table assessment.attempts add column adaptive jsonb;
alter table assessment.submissions add column ability jsonb;
