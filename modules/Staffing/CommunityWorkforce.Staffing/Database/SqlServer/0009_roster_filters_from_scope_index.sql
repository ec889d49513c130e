-- A street's roster filtered by post type, education, political status, age or years of service is chosen from the
-- scope index alone: the filtered columns are included in it. Before, every worker of the street was read from the
-- table to test the filter before the page of 20 was known.
DROP INDEX ix_staffing_workers_scope ON staffing_workers;
CREATE INDEX ix_staffing_workers_scope ON staffing_workers (org_path, status, staff_no, id)
    INCLUDE (post_types, education, political_status, birth_date, service_start_date);
