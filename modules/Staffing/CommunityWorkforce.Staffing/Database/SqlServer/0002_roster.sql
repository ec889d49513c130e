CREATE TABLE staffing_settings (
    setting_key  NVARCHAR(100) NOT NULL PRIMARY KEY,
    value        NVARCHAR(MAX) NOT NULL,
    version      INT NOT NULL DEFAULT 1,
    updated_at   DATETIMEOFFSET NOT NULL
);

CREATE TABLE staffing_counters (
    name   NVARCHAR(100) NOT NULL PRIMARY KEY,
    value  INT NOT NULL
);

CREATE TABLE staffing_workers (
    id                  UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    staff_no            NVARCHAR(20) NOT NULL,
    name                NVARCHAR(100) NOT NULL,
    id_number_cipher    NVARCHAR(200) NOT NULL,
    id_number_key_id    NVARCHAR(50) NOT NULL,
    id_number_hash      NVARCHAR(100) NOT NULL,
    id_number_masked    NVARCHAR(30) NOT NULL,
    birth_date          DATE NOT NULL,
    gender              NVARCHAR(2) NOT NULL,
    ethnic_group        NVARCHAR(4) NOT NULL,
    political_status    NVARCHAR(4) NOT NULL,
    education           NVARCHAR(4) NOT NULL,
    phone               NVARCHAR(20) NULL,
    hire_date           DATE NOT NULL,
    service_start_date  DATE NOT NULL,
    status              NVARCHAR(20) NOT NULL DEFAULT 'active',
    left_on             DATE NULL,
    left_reason         NVARCHAR(500) NULL,
    org_unit_id         UNIQUEIDENTIFIER NOT NULL REFERENCES staffing_org_units (id),
    is_demo             BIT NOT NULL DEFAULT 0,
    version             INT NOT NULL DEFAULT 1,
    created_at          DATETIMEOFFSET NOT NULL,
    updated_at          DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_staffing_workers_staff_no ON staffing_workers (staff_no);
CREATE UNIQUE INDEX ux_staffing_workers_id_number_hash ON staffing_workers (id_number_hash);
CREATE INDEX ix_staffing_workers_org_unit_id ON staffing_workers (org_unit_id);
CREATE INDEX ix_staffing_workers_name ON staffing_workers (name);

CREATE TABLE staffing_posts (
    id           UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    org_unit_id  UNIQUEIDENTIFIER NOT NULL REFERENCES staffing_org_units (id),
    post_type    NVARCHAR(20) NOT NULL,
    title        NVARCHAR(100) NOT NULL,
    quota        INT NOT NULL,
    status       NVARCHAR(20) NOT NULL DEFAULT 'active',
    version      INT NOT NULL DEFAULT 1,
    created_at   DATETIMEOFFSET NOT NULL,
    updated_at   DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_staffing_posts_org_unit_id ON staffing_posts (org_unit_id);

CREATE TABLE staffing_postings (
    id          UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    worker_id   UNIQUEIDENTIFIER NOT NULL REFERENCES staffing_workers (id),
    post_id     UNIQUEIDENTIFIER NOT NULL REFERENCES staffing_posts (id),
    started_on  DATE NOT NULL,
    ended_on    DATE NULL,
    reason      NVARCHAR(500) NOT NULL,
    end_reason  NVARCHAR(50) NULL,
    is_primary  BIT NOT NULL DEFAULT 0,
    version     INT NOT NULL DEFAULT 1,
    created_at  DATETIMEOFFSET NOT NULL,
    updated_at  DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_staffing_postings_worker_id ON staffing_postings (worker_id, ended_on);
CREATE INDEX ix_staffing_postings_post_id ON staffing_postings (post_id, ended_on);

CREATE TABLE staffing_rotation_requests (
    id                 UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    worker_id          UNIQUEIDENTIFIER NOT NULL REFERENCES staffing_workers (id),
    from_posting_id    UNIQUEIDENTIFIER NOT NULL REFERENCES staffing_postings (id),
    to_post_id         UNIQUEIDENTIFIER NOT NULL REFERENCES staffing_posts (id),
    reason             NVARCHAR(500) NOT NULL,
    proposed_on        DATE NOT NULL,
    status             NVARCHAR(20) NOT NULL,
    requested_by       UNIQUEIDENTIFIER NULL,
    requested_by_name  NVARCHAR(100) NOT NULL,
    requested_role     NVARCHAR(20) NOT NULL,
    submitted_at       DATETIMEOFFSET NULL,
    decided_by         UNIQUEIDENTIFIER NULL,
    decided_by_name    NVARCHAR(100) NULL,
    decided_at         DATETIMEOFFSET NULL,
    decision_comment   NVARCHAR(500) NULL,
    new_posting_id     UNIQUEIDENTIFIER NULL,
    version            INT NOT NULL DEFAULT 1,
    created_at         DATETIMEOFFSET NOT NULL,
    updated_at         DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_staffing_rotation_requests_worker_id ON staffing_rotation_requests (worker_id);
CREATE INDEX ix_staffing_rotation_requests_status ON staffing_rotation_requests (status);

INSERT INTO staffing_counters (name, value) VALUES ('staff_no', 0);

GO
CREATE VIEW staffing_v_worker_scope AS
SELECT w.id AS worker_id, w.staff_no, w.name, w.status, w.org_unit_id, u.path AS org_path
FROM staffing_workers w
JOIN staffing_org_units u ON u.id = w.org_unit_id;
GO
