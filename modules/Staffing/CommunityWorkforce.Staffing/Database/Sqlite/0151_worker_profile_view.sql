-- A worker's personal and service facts for other modules' set-wise reads (CareerPath's criteria and succession risk,
-- Insights' structure dashboards and forecasts). Never carries the ID number or the phone.
CREATE VIEW staffing_v_worker_profile AS
SELECT w.id AS worker_id, w.staff_no, w.name, w.birth_date, w.gender, w.ethnic_group, w.political_status, w.education,
       w.hire_date, w.service_start_date, w.status, w.left_on, w.left_reason, w.org_unit_id, u.path AS org_path
FROM staffing_workers w
JOIN staffing_org_units u ON u.id = w.org_unit_id;
