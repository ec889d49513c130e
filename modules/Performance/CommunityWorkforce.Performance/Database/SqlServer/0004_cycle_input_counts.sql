-- A cycle's row carries its participant count and how many still lack the street or peer score. For a city cycle that
-- read 60,000 participant rows each time a cycle was shown or moved on (0.5–0.9 s); with the scores in the index the
-- count reads the index alone.
CREATE INDEX ix_performance_participants_cycle_inputs ON performance_participants (cycle_id, street_score, peer_score);
