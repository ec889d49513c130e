-- 考核: settings, the working-day calendar, templates, cycles with their participants, resident ratings (好差评),
-- rectification cases and appeals.
CREATE TABLE performance_settings (
    setting_key  TEXT NOT NULL PRIMARY KEY,
    value        TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL
);

-- One row per loaded year; a year without a row is treated as plain weekdays (and flagged).
CREATE TABLE performance_calendar_years (
    year        INTEGER NOT NULL PRIMARY KEY,
    source      TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT NOT NULL
);

-- kind: holiday (法定节假日, no work) or workday (调休上班, a weekend day worked).
CREATE TABLE performance_calendar_days (
    calendar_date TEXT NOT NULL PRIMARY KEY,
    year   INTEGER NOT NULL,
    kind   TEXT NOT NULL,
    name   TEXT NOT NULL
);
CREATE INDEX ix_performance_calendar_days_year ON performance_calendar_days (year);

CREATE TABLE performance_templates (
    id                TEXT NOT NULL PRIMARY KEY,
    org_unit_id       TEXT NOT NULL,
    org_path          TEXT NOT NULL,
    post_type         TEXT NOT NULL,
    name              TEXT NOT NULL,
    department_share  INTEGER NOT NULL,
    indicators        TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_performance_templates_unit_post_type ON performance_templates (org_unit_id, post_type);

CREATE TABLE performance_cycles (
    id                      TEXT NOT NULL PRIMARY KEY,
    name                    TEXT NOT NULL,
    kind                    TEXT NOT NULL,
    year                    INTEGER NOT NULL,
    quarter                 INTEGER NULL,
    org_unit_id             TEXT NOT NULL,
    org_path                TEXT NOT NULL,
    period_start            TEXT NOT NULL,
    period_end              TEXT NOT NULL,
    entry_deadline          TEXT NOT NULL,
    calibration_deadline    TEXT NOT NULL,
    status                  TEXT NOT NULL,
    excellent_quota_percent INTEGER NOT NULL,
    mover_rule              TEXT NOT NULL,
    published_on            TEXT NULL,
    appeal_deadline         TEXT NULL,
    version                 INTEGER NOT NULL DEFAULT 1,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
);
CREATE INDEX ix_performance_cycles_org_path ON performance_cycles (org_path);

CREATE TABLE performance_participants (
    id                TEXT NOT NULL PRIMARY KEY,
    cycle_id          TEXT NOT NULL REFERENCES performance_cycles (id),
    worker_id         TEXT NOT NULL,
    staff_no          TEXT NOT NULL,
    worker_name       TEXT NOT NULL,
    org_unit_id       TEXT NOT NULL,
    org_path          TEXT NOT NULL,
    post_type         TEXT NOT NULL,
    template_id       TEXT NOT NULL REFERENCES performance_templates (id),
    days_in_unit      INTEGER NOT NULL,
    days_in_period    INTEGER NOT NULL,
    moved             INTEGER NOT NULL DEFAULT 0,
    placement_note    TEXT NULL,
    street_score      REAL NULL,
    peer_score        REAL NULL,
    kpi_actuals       TEXT NULL,
    department_score  REAL NULL,
    score             REAL NULL,
    explanation       TEXT NULL,
    proposed_grade    TEXT NULL,
    grade             TEXT NULL,
    grade_reason      TEXT NULL,
    appeal_status     TEXT NULL,
    appeal_reason     TEXT NULL,
    appeal_filed_at   TEXT NULL,
    appeal_resolution TEXT NULL,
    appeal_resolved_at TEXT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_performance_participants_cycle_worker ON performance_participants (cycle_id, worker_id);
CREATE INDEX ix_performance_participants_cycle_unit ON performance_participants (cycle_id, org_unit_id, grade);
CREATE INDEX ix_performance_participants_worker ON performance_participants (worker_id);

-- A department's own indicators (部门考核) per cycle and unit.
CREATE TABLE performance_unit_scores (
    cycle_id     TEXT NOT NULL REFERENCES performance_cycles (id),
    org_unit_id  TEXT NOT NULL,
    org_path     TEXT NOT NULL,
    own_score    REAL NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (cycle_id, org_unit_id)
);

CREATE TABLE performance_ratings (
    id            TEXT NOT NULL PRIMARY KEY,
    external_id   TEXT NOT NULL,
    worker_id     TEXT NOT NULL,
    org_path      TEXT NOT NULL,
    service_item  TEXT NOT NULL,
    level         INTEGER NOT NULL,
    sub_scores    TEXT NULL,
    comment       TEXT NULL,
    rated_at      TEXT NOT NULL,
    rated_on      TEXT NOT NULL,
    source        TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_performance_ratings_external_id ON performance_ratings (external_id);
CREATE INDEX ix_performance_ratings_worker_day ON performance_ratings (worker_id, rated_on);

-- 差评整改: one case per bad rating (level 1–2).
CREATE TABLE performance_rectifications (
    id                TEXT NOT NULL PRIMARY KEY,
    rating_id         TEXT NOT NULL REFERENCES performance_ratings (id),
    worker_id         TEXT NOT NULL,
    org_path          TEXT NOT NULL,
    opened_on         TEXT NOT NULL,
    due_on            TEXT NOT NULL,
    working_days      INTEGER NOT NULL,
    calendar_missing  INTEGER NOT NULL DEFAULT 0,
    status            TEXT NOT NULL,
    return_visit      TEXT NULL,
    outcome           TEXT NULL,
    closed_on         TEXT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_performance_rectifications_rating ON performance_rectifications (rating_id);
CREATE INDEX ix_performance_rectifications_status_due ON performance_rectifications (status, due_on);

-- Published results for other modules (CareerPath: grades by year; Insights: grade mix).
CREATE VIEW performance_v_results AS
SELECT p.id AS participant_id, p.worker_id, p.staff_no, p.org_unit_id, p.org_path, p.post_type, c.id AS cycle_id, c.kind,
       c.year, c.quarter, c.published_on, p.score, p.grade
FROM performance_participants p
JOIN performance_cycles c ON c.id = p.cycle_id
WHERE c.status IN ('published', 'closed');
