-- Published results of a subtree (performance_v_results filtered by org path: Insights' grade mix, the latest appraisal
-- year) read each cycle's participants whole — 0.4 s for a street once a city holds three published years. With the
-- path in the index each cycle is a range seek, and the grade makes the read index-only.
CREATE INDEX ix_performance_participants_cycle_path ON performance_participants (cycle_id, org_path, grade);
