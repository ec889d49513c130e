-- The heat map reads the gaps of every worker under a unit (a city's million rows) and the candidate ranking the levels
-- of every worker in scope: with the value in the index both are read from the index alone, never from the table.
CREATE INDEX ix_competency_worker_gaps_cover ON competency_worker_gaps (worker_id, competency_code) INCLUDE (gap);
CREATE INDEX ix_competency_worker_levels_cover ON competency_worker_levels (worker_id, competency_code) INCLUDE (level);
