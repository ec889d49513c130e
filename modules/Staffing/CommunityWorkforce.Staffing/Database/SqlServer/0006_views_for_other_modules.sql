-- Published views for other modules' set-wise reads (CompetencyFramework ranks candidates and scopes campaigns by them).
-- Active postings with their post's type and title; posts with their unit's path and how many hold them; a worker's
-- service dates.
CREATE VIEW staffing_v_current_postings AS
SELECT p.id AS posting_id, p.worker_id, p.post_id, s.post_type, s.title AS post_title, s.org_unit_id, p.started_on, p.is_primary
FROM staffing_postings p
JOIN staffing_posts s ON s.id = p.post_id
WHERE p.ended_on IS NULL;
GO

CREATE VIEW staffing_v_posts AS
SELECT s.id, s.org_unit_id, u.name AS org_unit_name, u.path AS org_path, s.post_type, s.title, s.quota,
       (SELECT COUNT(*) FROM staffing_postings f WHERE f.post_id = s.id AND f.ended_on IS NULL) AS filled, s.status
FROM staffing_posts s
JOIN staffing_org_units u ON u.id = s.org_unit_id;
GO

CREATE VIEW staffing_v_worker_service AS
SELECT w.id AS worker_id, w.hire_date, w.service_start_date
FROM staffing_workers w;
GO
