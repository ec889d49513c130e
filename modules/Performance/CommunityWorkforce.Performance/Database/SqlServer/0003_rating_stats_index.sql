-- Scoring a cycle reads every participant's ratings of the period (how many, the average level). With the level in the
-- index, a city's year of ratings (millions of rows) is read from the index alone, never from the table.
DROP INDEX ix_performance_ratings_worker_day ON performance_ratings;
GO
CREATE INDEX ix_performance_ratings_worker_day_level ON performance_ratings (worker_id, rated_on) INCLUDE (level);
GO
