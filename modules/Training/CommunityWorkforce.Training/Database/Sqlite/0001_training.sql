-- Training (培训): the catalogue, dated sessions with seats and a waiting list, enrolments with attendance and hours,
-- qualification certificates, and the required-hours settings.
CREATE TABLE training_settings (
    setting_key  TEXT NOT NULL PRIMARY KEY,
    value        TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL
);

CREATE TABLE training_courses (
    id                   TEXT NOT NULL PRIMARY KEY,
    code                 TEXT NOT NULL,
    title                TEXT NOT NULL,
    category             TEXT NOT NULL,
    delivery             TEXT NOT NULL,
    hours                REAL NOT NULL,
    description          TEXT NULL,
    mandatory            INTEGER NOT NULL DEFAULT 0,
    recurrence_months    INTEGER NULL,
    open_enrolment       INTEGER NOT NULL DEFAULT 0,
    audience_post_types  TEXT NULL,
    audience_org_unit_id TEXT NULL,
    audience_org_path    TEXT NULL,
    status               TEXT NOT NULL DEFAULT 'active',
    is_demo              INTEGER NOT NULL DEFAULT 0,
    version              INTEGER NOT NULL DEFAULT 1,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_training_courses_code ON training_courses (code);
CREATE INDEX ix_training_courses_category ON training_courses (category);

CREATE TABLE training_course_competencies (
    course_id        TEXT NOT NULL REFERENCES training_courses (id),
    competency_code  TEXT NOT NULL,
    target_level     INTEGER NOT NULL,
    PRIMARY KEY (course_id, competency_code)
);
CREATE INDEX ix_training_course_competencies_code ON training_course_competencies (competency_code);

CREATE TABLE training_sessions (
    id                  TEXT NOT NULL PRIMARY KEY,
    course_id           TEXT NOT NULL REFERENCES training_courses (id),
    org_unit_id         TEXT NOT NULL,
    org_path            TEXT NOT NULL,
    session_date        TEXT NOT NULL,
    starts_at           TEXT NOT NULL,
    ends_at             TEXT NOT NULL,
    place               TEXT NOT NULL,
    trainer             TEXT NOT NULL,
    capacity            INTEGER NOT NULL,
    enrol_deadline      TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'scheduled',
    next_queue_no       INTEGER NOT NULL DEFAULT 0,
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX ix_training_sessions_course_id ON training_sessions (course_id);
CREATE INDEX ix_training_sessions_org_path ON training_sessions (org_path);
CREATE INDEX ix_training_sessions_starts_at ON training_sessions (starts_at);

CREATE TABLE training_enrollments (
    id                TEXT NOT NULL PRIMARY KEY,
    session_id        TEXT NOT NULL REFERENCES training_sessions (id),
    worker_id         TEXT NOT NULL,
    status            TEXT NOT NULL,
    queue_no          INTEGER NOT NULL,
    enrolled_by       TEXT NOT NULL,
    promoted_at       TEXT NULL,
    attended          INTEGER NULL,
    hours_credited    REAL NULL,
    score             INTEGER NULL,
    completed_on      TEXT NULL,
    valid_until       TEXT NULL,
    feedback_rating   INTEGER NULL,
    feedback_comment  TEXT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_training_enrollments_session_worker ON training_enrollments (session_id, worker_id);
CREATE INDEX ix_training_enrollments_session_status ON training_enrollments (session_id, status, queue_no);
CREATE INDEX ix_training_enrollments_worker_completed ON training_enrollments (worker_id, completed_on);

CREATE TABLE training_certificates (
    id              TEXT NOT NULL PRIMARY KEY,
    worker_id       TEXT NOT NULL,
    kind            TEXT NOT NULL,
    level           TEXT NULL,
    name            TEXT NOT NULL,
    number          TEXT NOT NULL,
    issued_on       TEXT NOT NULL,
    registered_on   TEXT NULL,
    expires_on      TEXT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX ix_training_certificates_worker_id ON training_certificates (worker_id);
CREATE INDEX ix_training_certificates_expires_on ON training_certificates (expires_on);

-- Published views for other modules (CareerPath's criteria, Insights).
CREATE VIEW training_v_completions AS
SELECT e.worker_id, s.course_id, c.code AS course_code, c.category, c.mandatory, e.completed_on, e.hours_credited, e.score, e.valid_until
FROM training_enrollments e
JOIN training_sessions s ON s.id = e.session_id
JOIN training_courses c ON c.id = s.course_id
WHERE e.completed_on IS NOT NULL;

CREATE VIEW training_v_certificates AS
SELECT id AS certificate_id, worker_id, kind, level, name, issued_on, registered_on, expires_on
FROM training_certificates;
