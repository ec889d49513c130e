-- Roster search at city scale: the org path on the worker (scope filters and counts use one index range instead of a
-- join), the phone's last four digits, and name n-grams for "contains" search without scanning every name.
ALTER TABLE staffing_workers ADD org_path NVARCHAR(400) NOT NULL CONSTRAINT df_staffing_workers_org_path DEFAULT '';
ALTER TABLE staffing_workers ADD phone_last4 NVARCHAR(4) NULL;
GO
UPDATE w SET org_path = u.path FROM staffing_workers w JOIN staffing_org_units u ON u.id = w.org_unit_id;
UPDATE staffing_workers SET phone_last4 = RIGHT(phone, 4) WHERE phone IS NOT NULL;
CREATE INDEX ix_staffing_workers_org_path_status ON staffing_workers (org_path, status);
CREATE INDEX ix_staffing_workers_staff_no_org_path ON staffing_workers (staff_no, org_path, status);
CREATE INDEX ix_staffing_workers_phone_last4 ON staffing_workers (phone_last4);

CREATE TABLE staffing_worker_name_grams (
    gram       NVARCHAR(4) NOT NULL,
    org_path   NVARCHAR(400) NOT NULL,
    worker_id  UNIQUEIDENTIFIER NOT NULL REFERENCES staffing_workers (id),
    PRIMARY KEY (gram, org_path, worker_id)
);
CREATE INDEX ix_staffing_worker_name_grams_worker_id ON staffing_worker_name_grams (worker_id);
GO
