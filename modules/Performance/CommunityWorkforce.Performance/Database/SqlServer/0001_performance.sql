-- 考核: settings, the working-day calendar, templates, cycles with their participants, resident ratings (好差评),
-- rectification cases and appeals.
CREATE TABLE performance_settings (
    setting_key  NVARCHAR(40) NOT NULL PRIMARY KEY,
    value        NVARCHAR(MAX) NOT NULL,
    version      INT NOT NULL DEFAULT 1,
    updated_at   DATETIMEOFFSET NOT NULL
);

-- One row per loaded year; a year without a row is treated as plain weekdays (and flagged).
CREATE TABLE performance_calendar_years (
    year        INT NOT NULL PRIMARY KEY,
    source      NVARCHAR(40) NOT NULL,
    version     INT NOT NULL DEFAULT 1,
    updated_at  DATETIMEOFFSET NOT NULL
);

-- kind: holiday (法定节假日, no work) or workday (调休上班, a weekend day worked).
CREATE TABLE performance_calendar_days (
    calendar_date DATE NOT NULL PRIMARY KEY,
    year   INT NOT NULL,
    kind   NVARCHAR(40) NOT NULL,
    name   NVARCHAR(200) NOT NULL
);
CREATE INDEX ix_performance_calendar_days_year ON performance_calendar_days (year);

CREATE TABLE performance_templates (
    id                UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    org_unit_id       UNIQUEIDENTIFIER NOT NULL,
    org_path          NVARCHAR(400) NOT NULL,
    post_type         NVARCHAR(40) NOT NULL,
    name              NVARCHAR(200) NOT NULL,
    department_share  INT NOT NULL,
    indicators        NVARCHAR(MAX) NOT NULL,
    version           INT NOT NULL DEFAULT 1,
    created_at        DATETIMEOFFSET NOT NULL,
    updated_at        DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_performance_templates_unit_post_type ON performance_templates (org_unit_id, post_type);

CREATE TABLE performance_cycles (
    id                      UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    name                    NVARCHAR(200) NOT NULL,
    kind                    NVARCHAR(40) NOT NULL,
    year                    INT NOT NULL,
    quarter                 INT NULL,
    org_unit_id             UNIQUEIDENTIFIER NOT NULL,
    org_path                NVARCHAR(400) NOT NULL,
    period_start            DATE NOT NULL,
    period_end              DATE NOT NULL,
    entry_deadline          DATE NOT NULL,
    calibration_deadline    DATE NOT NULL,
    status                  NVARCHAR(40) NOT NULL,
    excellent_quota_percent INT NOT NULL,
    mover_rule              NVARCHAR(40) NOT NULL,
    published_on            DATE NULL,
    appeal_deadline         DATE NULL,
    version                 INT NOT NULL DEFAULT 1,
    created_at              DATETIMEOFFSET NOT NULL,
    updated_at              DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_performance_cycles_org_path ON performance_cycles (org_path);

CREATE TABLE performance_participants (
    id                UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    cycle_id          UNIQUEIDENTIFIER NOT NULL REFERENCES performance_cycles (id),
    worker_id         UNIQUEIDENTIFIER NOT NULL,
    staff_no          NVARCHAR(40) NOT NULL,
    worker_name       NVARCHAR(200) NOT NULL,
    org_unit_id       UNIQUEIDENTIFIER NOT NULL,
    org_path          NVARCHAR(400) NOT NULL,
    post_type         NVARCHAR(40) NOT NULL,
    template_id       UNIQUEIDENTIFIER NOT NULL REFERENCES performance_templates (id),
    days_in_unit      INT NOT NULL,
    days_in_period    INT NOT NULL,
    moved             BIT NOT NULL DEFAULT 0,
    placement_note    NVARCHAR(MAX) NULL,
    street_score      FLOAT NULL,
    peer_score        FLOAT NULL,
    kpi_actuals       NVARCHAR(MAX) NULL,
    department_score  FLOAT NULL,
    score             FLOAT NULL,
    explanation       NVARCHAR(MAX) NULL,
    proposed_grade    NVARCHAR(40) NULL,
    grade             NVARCHAR(40) NULL,
    grade_reason      NVARCHAR(MAX) NULL,
    appeal_status     NVARCHAR(40) NULL,
    appeal_reason     NVARCHAR(MAX) NULL,
    appeal_filed_at   DATETIMEOFFSET NULL,
    appeal_resolution NVARCHAR(MAX) NULL,
    appeal_resolved_at DATETIMEOFFSET NULL,
    version           INT NOT NULL DEFAULT 1,
    created_at        DATETIMEOFFSET NOT NULL,
    updated_at        DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_performance_participants_cycle_worker ON performance_participants (cycle_id, worker_id);
CREATE INDEX ix_performance_participants_cycle_unit ON performance_participants (cycle_id, org_unit_id, grade);
CREATE INDEX ix_performance_participants_worker ON performance_participants (worker_id);

-- A department's own indicators (部门考核) per cycle and unit.
CREATE TABLE performance_unit_scores (
    cycle_id     UNIQUEIDENTIFIER NOT NULL REFERENCES performance_cycles (id),
    org_unit_id  UNIQUEIDENTIFIER NOT NULL,
    org_path     NVARCHAR(400) NOT NULL,
    own_score    FLOAT NOT NULL,
    version      INT NOT NULL DEFAULT 1,
    updated_at   DATETIMEOFFSET NOT NULL,
    PRIMARY KEY (cycle_id, org_unit_id)
);

CREATE TABLE performance_ratings (
    id            UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    external_id   NVARCHAR(200) NOT NULL,
    worker_id     UNIQUEIDENTIFIER NOT NULL,
    org_path      NVARCHAR(400) NOT NULL,
    service_item  NVARCHAR(200) NOT NULL,
    level         INT NOT NULL,
    sub_scores    NVARCHAR(MAX) NULL,
    comment       NVARCHAR(MAX) NULL,
    rated_at      DATETIMEOFFSET NOT NULL,
    rated_on      DATE NOT NULL,
    source        NVARCHAR(40) NOT NULL,
    created_at    DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_performance_ratings_external_id ON performance_ratings (external_id);
CREATE INDEX ix_performance_ratings_worker_day ON performance_ratings (worker_id, rated_on);

-- 差评整改: one case per bad rating (level 1–2).
CREATE TABLE performance_rectifications (
    id                UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    rating_id         UNIQUEIDENTIFIER NOT NULL REFERENCES performance_ratings (id),
    worker_id         UNIQUEIDENTIFIER NOT NULL,
    org_path          NVARCHAR(400) NOT NULL,
    opened_on         DATE NOT NULL,
    due_on            DATE NOT NULL,
    working_days      INT NOT NULL,
    calendar_missing  BIT NOT NULL DEFAULT 0,
    status            NVARCHAR(40) NOT NULL,
    return_visit      NVARCHAR(MAX) NULL,
    outcome           NVARCHAR(MAX) NULL,
    closed_on         DATE NULL,
    version           INT NOT NULL DEFAULT 1,
    created_at        DATETIMEOFFSET NOT NULL,
    updated_at        DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_performance_rectifications_rating ON performance_rectifications (rating_id);
CREATE INDEX ix_performance_rectifications_status_due ON performance_rectifications (status, due_on);

GO
-- Published results for other modules (CareerPath: grades by year; Insights: grade mix).
CREATE VIEW performance_v_results AS
SELECT p.id AS participant_id, p.worker_id, p.staff_no, p.org_unit_id, p.org_path, p.post_type, c.id AS cycle_id, c.kind,
       c.year, c.quarter, c.published_on, p.score, p.grade
FROM performance_participants p
JOIN performance_cycles c ON c.id = p.cycle_id
WHERE c.status IN ('published', 'closed');
GO
