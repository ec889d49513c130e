CREATE TABLE staffing_settings (
    setting_key  TEXT NOT NULL PRIMARY KEY,
    value        TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL
);

CREATE TABLE staffing_counters (
    name   TEXT NOT NULL PRIMARY KEY,
    value  INTEGER NOT NULL
);

CREATE TABLE staffing_workers (
    id                  TEXT NOT NULL PRIMARY KEY,
    staff_no            TEXT NOT NULL,
    name                TEXT NOT NULL,
    id_number_cipher    TEXT NOT NULL,
    id_number_key_id    TEXT NOT NULL,
    id_number_hash      TEXT NOT NULL,
    id_number_masked    TEXT NOT NULL,
    birth_date          TEXT NOT NULL,
    gender              TEXT NOT NULL,
    ethnic_group        TEXT NOT NULL,
    political_status    TEXT NOT NULL,
    education           TEXT NOT NULL,
    phone               TEXT NULL,
    hire_date           TEXT NOT NULL,
    service_start_date  TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'active',
    left_on             TEXT NULL,
    left_reason         TEXT NULL,
    org_unit_id         TEXT NOT NULL REFERENCES staffing_org_units (id),
    is_demo             INTEGER NOT NULL DEFAULT 0,
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_staffing_workers_staff_no ON staffing_workers (staff_no);
CREATE UNIQUE INDEX ux_staffing_workers_id_number_hash ON staffing_workers (id_number_hash);
CREATE INDEX ix_staffing_workers_org_unit_id ON staffing_workers (org_unit_id);
CREATE INDEX ix_staffing_workers_name ON staffing_workers (name);

CREATE TABLE staffing_posts (
    id           TEXT NOT NULL PRIMARY KEY,
    org_unit_id  TEXT NOT NULL REFERENCES staffing_org_units (id),
    post_type    TEXT NOT NULL,
    title        TEXT NOT NULL,
    quota        INTEGER NOT NULL,
    status       TEXT NOT NULL DEFAULT 'active',
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX ix_staffing_posts_org_unit_id ON staffing_posts (org_unit_id);

CREATE TABLE staffing_postings (
    id          TEXT NOT NULL PRIMARY KEY,
    worker_id   TEXT NOT NULL REFERENCES staffing_workers (id),
    post_id     TEXT NOT NULL REFERENCES staffing_posts (id),
    started_on  TEXT NOT NULL,
    ended_on    TEXT NULL,
    reason      TEXT NOT NULL,
    end_reason  TEXT NULL,
    is_primary  INTEGER NOT NULL DEFAULT 0,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX ix_staffing_postings_worker_id ON staffing_postings (worker_id, ended_on);
CREATE INDEX ix_staffing_postings_post_id ON staffing_postings (post_id, ended_on);

CREATE TABLE staffing_rotation_requests (
    id                 TEXT NOT NULL PRIMARY KEY,
    worker_id          TEXT NOT NULL REFERENCES staffing_workers (id),
    from_posting_id    TEXT NOT NULL REFERENCES staffing_postings (id),
    to_post_id         TEXT NOT NULL REFERENCES staffing_posts (id),
    reason             TEXT NOT NULL,
    proposed_on        TEXT NOT NULL,
    status             TEXT NOT NULL,
    requested_by       TEXT NULL,
    requested_by_name  TEXT NOT NULL,
    requested_role     TEXT NOT NULL,
    submitted_at       TEXT NULL,
    decided_by         TEXT NULL,
    decided_by_name    TEXT NULL,
    decided_at         TEXT NULL,
    decision_comment   TEXT NULL,
    new_posting_id     TEXT NULL,
    version            INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX ix_staffing_rotation_requests_worker_id ON staffing_rotation_requests (worker_id);
CREATE INDEX ix_staffing_rotation_requests_status ON staffing_rotation_requests (status);

INSERT INTO staffing_counters (name, value) VALUES ('staff_no', 0);

CREATE VIEW staffing_v_worker_scope AS
SELECT w.id AS worker_id, w.staff_no, w.name, w.status, w.org_unit_id, u.path AS org_path
FROM staffing_workers w
JOIN staffing_org_units u ON u.id = w.org_unit_id;
