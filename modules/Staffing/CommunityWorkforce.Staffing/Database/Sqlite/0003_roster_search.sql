-- Roster search at city scale: the org path on the worker (scope filters and counts use one index range instead of a
-- join), the phone's last four digits, and name n-grams for "contains" search without scanning every name.
ALTER TABLE staffing_workers ADD COLUMN org_path TEXT NOT NULL DEFAULT '' COLLATE NOCASE;
ALTER TABLE staffing_workers ADD COLUMN phone_last4 TEXT NULL;
UPDATE staffing_workers SET org_path = (SELECT u.path FROM staffing_org_units u WHERE u.id = staffing_workers.org_unit_id);
UPDATE staffing_workers SET phone_last4 = substr(phone, -4) WHERE phone IS NOT NULL;
CREATE INDEX ix_staffing_workers_org_path_status ON staffing_workers (org_path, status);
CREATE INDEX ix_staffing_workers_staff_no_org_path ON staffing_workers (staff_no, org_path, status);
CREATE INDEX ix_staffing_workers_phone_last4 ON staffing_workers (phone_last4);

CREATE TABLE staffing_worker_name_grams (
    gram       TEXT NOT NULL,
    org_path   TEXT NOT NULL COLLATE NOCASE,
    worker_id  TEXT NOT NULL REFERENCES staffing_workers (id),
    PRIMARY KEY (gram, org_path, worker_id)
);
CREATE INDEX ix_staffing_worker_name_grams_worker_id ON staffing_worker_name_grams (worker_id);
