-- Training (培训): the catalogue, dated sessions with seats and a waiting list, enrolments with attendance and hours,
-- qualification certificates, and the required-hours settings.
CREATE TABLE training_settings (
    setting_key  NVARCHAR(100) NOT NULL PRIMARY KEY,
    value        NVARCHAR(MAX) NOT NULL,
    version      INT NOT NULL DEFAULT 1,
    updated_at   DATETIMEOFFSET NOT NULL
);

CREATE TABLE training_courses (
    id                   UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    code                 NVARCHAR(40) NOT NULL,
    title                NVARCHAR(200) NOT NULL,
    category             NVARCHAR(40) NOT NULL,
    delivery             NVARCHAR(20) NOT NULL,
    hours                DECIMAL(7,1) NOT NULL,
    description          NVARCHAR(2000) NULL,
    mandatory            BIT NOT NULL DEFAULT 0,
    recurrence_months    INT NULL,
    open_enrolment       BIT NOT NULL DEFAULT 0,
    audience_post_types  NVARCHAR(200) NULL,
    audience_org_unit_id UNIQUEIDENTIFIER NULL,
    audience_org_path    NVARCHAR(400) NULL,
    status               NVARCHAR(20) NOT NULL DEFAULT 'active',
    is_demo              BIT NOT NULL DEFAULT 0,
    version              INT NOT NULL DEFAULT 1,
    created_at           DATETIMEOFFSET NOT NULL,
    updated_at           DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_training_courses_code ON training_courses (code);
CREATE INDEX ix_training_courses_category ON training_courses (category);

CREATE TABLE training_course_competencies (
    course_id        UNIQUEIDENTIFIER NOT NULL REFERENCES training_courses (id),
    competency_code  NVARCHAR(40) NOT NULL,
    target_level     INT NOT NULL,
    PRIMARY KEY (course_id, competency_code)
);
CREATE INDEX ix_training_course_competencies_code ON training_course_competencies (competency_code);

CREATE TABLE training_sessions (
    id                  UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    course_id           UNIQUEIDENTIFIER NOT NULL REFERENCES training_courses (id),
    org_unit_id         UNIQUEIDENTIFIER NOT NULL,
    org_path            NVARCHAR(400) NOT NULL,
    session_date        DATE NOT NULL,
    starts_at           DATETIMEOFFSET NOT NULL,
    ends_at             DATETIMEOFFSET NOT NULL,
    place               NVARCHAR(200) NOT NULL,
    trainer             NVARCHAR(100) NOT NULL,
    capacity            INT NOT NULL,
    enrol_deadline      DATE NOT NULL,
    status              NVARCHAR(20) NOT NULL DEFAULT 'scheduled',
    next_queue_no       INT NOT NULL DEFAULT 0,
    version             INT NOT NULL DEFAULT 1,
    created_at          DATETIMEOFFSET NOT NULL,
    updated_at          DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_training_sessions_course_id ON training_sessions (course_id);
CREATE INDEX ix_training_sessions_org_path ON training_sessions (org_path);
CREATE INDEX ix_training_sessions_starts_at ON training_sessions (starts_at);

CREATE TABLE training_enrollments (
    id                UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    session_id        UNIQUEIDENTIFIER NOT NULL REFERENCES training_sessions (id),
    worker_id         UNIQUEIDENTIFIER NOT NULL,
    status            NVARCHAR(20) NOT NULL,
    queue_no          INT NOT NULL,
    enrolled_by       NVARCHAR(20) NOT NULL,
    promoted_at       DATETIMEOFFSET NULL,
    attended          BIT NULL,
    hours_credited    DECIMAL(7,1) NULL,
    score             INT NULL,
    completed_on      DATE NULL,
    valid_until       DATE NULL,
    feedback_rating   INT NULL,
    feedback_comment  NVARCHAR(1000) NULL,
    version           INT NOT NULL DEFAULT 1,
    created_at        DATETIMEOFFSET NOT NULL,
    updated_at        DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_training_enrollments_session_worker ON training_enrollments (session_id, worker_id);
CREATE INDEX ix_training_enrollments_session_status ON training_enrollments (session_id, status, queue_no);
CREATE INDEX ix_training_enrollments_worker_completed ON training_enrollments (worker_id, completed_on);

CREATE TABLE training_certificates (
    id              UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    worker_id       UNIQUEIDENTIFIER NOT NULL,
    kind            NVARCHAR(20) NOT NULL,
    level           NVARCHAR(20) NULL,
    name            NVARCHAR(200) NOT NULL,
    number          NVARCHAR(60) NOT NULL,
    issued_on       DATE NOT NULL,
    registered_on   DATE NULL,
    expires_on      DATE NULL,
    version         INT NOT NULL DEFAULT 1,
    created_at      DATETIMEOFFSET NOT NULL,
    updated_at      DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_training_certificates_worker_id ON training_certificates (worker_id);
CREATE INDEX ix_training_certificates_expires_on ON training_certificates (expires_on);
GO

CREATE VIEW training_v_completions AS
SELECT e.worker_id, s.course_id, c.code AS course_code, c.category, c.mandatory, e.completed_on, e.hours_credited, e.score, e.valid_until
FROM training_enrollments e
JOIN training_sessions s ON s.id = e.session_id
JOIN training_courses c ON c.id = s.course_id
WHERE e.completed_on IS NOT NULL;
GO

CREATE VIEW training_v_certificates AS
SELECT id AS certificate_id, worker_id, kind, level, name, issued_on, registered_on, expires_on
FROM training_certificates;
