-- Item analysis kept up to date as results arrive: the running sums of src/analysis (ItemStats per item of
-- an exam, ExamStats per exam) are updated by the grading transaction, so reading the analysis costs the
-- same for 10 attempts as for 10,000.
--
-- Sharded: every grading worker of an exam updates the same statistics, and one row per (exam, item) would
-- make them queue behind each other's row locks. A submission always lands in the shard its id hashes to
-- (so a regrade removes its old contribution from the rows that hold it); readers add the shards up.
create table assessment.analysis_stats (
  tenant_id  uuid not null,
  exam_id    uuid not null,
  -- 'exam' for the exam's statistics, otherwise the item id.
  subject    text not null,
  shard      smallint not null check (shard >= 0),
  stats      jsonb not null,
  primary key (tenant_id, exam_id, subject, shard)
);
select platform.enable_tenant_rls('assessment.analysis_stats');

-- The answer per slot that was graded (autosaves merged with the submit's own answers, which are not kept
-- elsewhere), so that a regrade after an item correction scores exactly what the student handed in.
alter table assessment.submissions add column answers jsonb;
