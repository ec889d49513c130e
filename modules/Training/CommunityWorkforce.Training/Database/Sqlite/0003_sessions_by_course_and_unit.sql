-- A recommended course's sessions that a worker may attend are those of the worker's unit and its ancestors: sought
-- by course, unit and start (the track's next session and 'has a session ahead'), not read city-wide and matched by pattern.
CREATE INDEX ix_training_sessions_course_org_starts ON training_sessions (course_id, org_path, starts_at);
