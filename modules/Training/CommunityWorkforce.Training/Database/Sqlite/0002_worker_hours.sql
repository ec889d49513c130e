-- A worker's credited hours read off one index (the track's year, the compliance report, CareerPath's hours criterion
-- over the published view below) and a course's sessions in date order (the next session of a recommended course).
-- Each replaces an index that is its prefix.
CREATE INDEX ix_training_enrollments_worker_hours ON training_enrollments (worker_id, completed_on, hours_credited);
DROP INDEX ix_training_enrollments_worker_completed;
CREATE INDEX ix_training_sessions_course_starts ON training_sessions (course_id, starts_at);
DROP INDEX ix_training_sessions_course_id;

-- Published view: hours credited per completion, without the session and course (a set-wise sum of hours in a period).
CREATE VIEW training_v_credited_hours AS
SELECT worker_id, completed_on, hours_credited
FROM training_enrollments
WHERE completed_on IS NOT NULL;
