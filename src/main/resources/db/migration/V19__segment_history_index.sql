-- A stay is closed by segment and contact; ix_segment_history_contact (contact_id, segment_id) finds it. The index by
-- (segment_id, left_at) served no query, and PostgreSQL's generic plan for the closing UPDATE preferred it while the
-- table's statistics were young: every open stay of the segment was read to close one (0.9 ms a leave at 12k
-- members, measured in SegmentsPostgresBenchmark).
DROP INDEX ix_segment_history_open;
