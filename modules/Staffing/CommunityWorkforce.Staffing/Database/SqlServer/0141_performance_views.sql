-- Postings with their post type and unit, for other modules' period questions (who held which post where, when):
-- Performance builds an appraisal cycle's participants from it.
CREATE VIEW staffing_v_postings AS
SELECT p.id AS posting_id, p.worker_id, w.staff_no, w.name AS worker_name, p.post_id, s.post_type, s.title AS post_title,
       s.org_unit_id, u.path AS org_path, p.started_on, p.ended_on, p.is_primary
FROM staffing_postings p
JOIN staffing_posts s ON s.id = p.post_id
JOIN staffing_workers w ON w.id = p.worker_id
JOIN staffing_org_units u ON u.id = s.org_unit_id;
GO
