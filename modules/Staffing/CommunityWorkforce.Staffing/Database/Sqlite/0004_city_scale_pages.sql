-- Roster pages at city scale: a page is chosen on keys alone, from covering indexes, before its rows are joined.
-- Workers: (org path, status, staff number, id) answers a street's page and count without reading rows; (staff number,
-- org path, status, id) answers a district's or the city's page read in staff-number order.
-- Name n-grams carry the worker's staff number and status, so that a name search is paged and counted on them alone.
ALTER TABLE staffing_worker_name_grams ADD COLUMN staff_no TEXT NOT NULL DEFAULT '';
ALTER TABLE staffing_worker_name_grams ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
UPDATE staffing_worker_name_grams
SET staff_no = (SELECT w.staff_no FROM staffing_workers w WHERE w.id = staffing_worker_name_grams.worker_id),
    status = (SELECT w.status FROM staffing_workers w WHERE w.id = staffing_worker_name_grams.worker_id);
CREATE INDEX ix_staffing_worker_name_grams_scope ON staffing_worker_name_grams (gram, org_path, status, staff_no, worker_id);
CREATE INDEX ix_staffing_worker_name_grams_staff_no ON staffing_worker_name_grams (gram, staff_no, org_path, status, worker_id);

DROP INDEX ix_staffing_workers_org_path_status;
DROP INDEX ix_staffing_workers_staff_no_org_path;
CREATE INDEX ix_staffing_workers_scope ON staffing_workers (org_path, status, staff_no, id);
CREATE INDEX ix_staffing_workers_staff_no_scope ON staffing_workers (staff_no, org_path, status, id);

-- Filing a rotation checks for an open request on the same posting: an index instead of reading every request.
CREATE INDEX ix_staffing_rotation_requests_from_posting_id ON staffing_rotation_requests (from_posting_id, status);
