-- The post types a worker holds now, as bits (head 1, deputy 2, staff 4), kept by PostingService on every posting start
-- and end: the roster's post-type filter reads the worker's row instead of looking up each worker's postings.
ALTER TABLE staffing_workers ADD post_types INT NOT NULL CONSTRAINT df_staffing_workers_post_types DEFAULT 0;
GO
UPDATE staffing_workers SET post_types = (
    SELECT COALESCE(SUM(DISTINCT CASE s.post_type WHEN 'head' THEN 1 WHEN 'deputy' THEN 2 WHEN 'staff' THEN 4 ELSE 0 END), 0)
    FROM staffing_postings p JOIN staffing_posts s ON s.id = p.post_id
    WHERE p.worker_id = staffing_workers.id AND p.ended_on IS NULL);
GO
