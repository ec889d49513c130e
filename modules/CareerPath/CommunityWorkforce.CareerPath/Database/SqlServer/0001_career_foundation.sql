-- 职业发展: settings, the statutory retirement-age table, grade history (三岗十八级) and the reserve-cadre pool.
-- Later migrations of this module add the ladder configuration, progression runs, tracks, applications and plans.
CREATE TABLE career_settings (
    setting_key  NVARCHAR(80) NOT NULL PRIMARY KEY,
    value        NVARCHAR(MAX) NOT NULL,
    version      INT NOT NULL DEFAULT 1,
    updated_at   DATETIMEOFFSET NOT NULL
);
INSERT INTO career_settings (setting_key, value, updated_at) VALUES (N'retirement.female_category', N'female-cadre', SYSDATETIMEOFFSET());

-- The 2025 reform: born before first_birth_month → base age; from it on, +1 month per birth_months_per_step months of
-- birth, capped at target_age_months.
CREATE TABLE career_retirement_rules (
    category               NVARCHAR(40) NOT NULL PRIMARY KEY,
    base_age_months        INT NOT NULL,
    target_age_months      INT NOT NULL,
    first_birth_month      DATE NOT NULL,
    birth_months_per_step  INT NOT NULL,
    version                INT NOT NULL DEFAULT 1,
    updated_at             DATETIMEOFFSET NOT NULL
);
INSERT INTO career_retirement_rules (category, base_age_months, target_age_months, first_birth_month, birth_months_per_step, updated_at) VALUES
    (N'male', 720, 756, '1965-01-01', 4, SYSDATETIMEOFFSET()),
    (N'female-cadre', 660, 696, '1970-01-01', 4, SYSDATETIMEOFFSET()),
    (N'female-worker', 600, 660, '1975-01-01', 2, SYSDATETIMEOFFSET());

-- One row per grade a worker has held; is_current marks the one in force (exactly one per worker, kept by the writes).
CREATE TABLE career_grade_history (
    id          UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    worker_id   UNIQUEIDENTIFIER NOT NULL,
    post_type   NVARCHAR(40) NOT NULL,
    level       INT NOT NULL,
    from_date   DATE NOT NULL,
    reason      NVARCHAR(400) NOT NULL,
    source_id   UNIQUEIDENTIFIER NULL,
    is_current  BIT NOT NULL DEFAULT 0,
    created_by  NVARCHAR(100) NULL,
    created_at  DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_career_grade_history_worker ON career_grade_history (worker_id, from_date);
CREATE UNIQUE INDEX ux_career_grade_history_current ON career_grade_history (worker_id) WHERE is_current = 1;

CREATE TABLE career_reserve_members (
    id            UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    worker_id     UNIQUEIDENTIFIER NOT NULL,
    org_unit_id   UNIQUEIDENTIFIER NOT NULL,
    org_path      NVARCHAR(400) NOT NULL,
    target_stage  NVARCHAR(40) NOT NULL,
    status        NVARCHAR(40) NOT NULL,
    nominated_on  DATE NOT NULL,
    term_start    DATE NULL,
    term_end      DATE NULL,
    review_on     DATE NULL,
    version       INT NOT NULL DEFAULT 1,
    created_at    DATETIMEOFFSET NOT NULL,
    updated_at    DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_career_reserve_members_path ON career_reserve_members (org_path);
CREATE INDEX ix_career_reserve_members_worker ON career_reserve_members (worker_id);
GO

CREATE VIEW career_v_current_grades AS
SELECT worker_id, post_type, level, from_date AS since_date
FROM career_grade_history
WHERE is_current = 1;
GO

CREATE VIEW career_v_reserve_pool AS
SELECT id AS member_id, worker_id, org_unit_id, org_path, target_stage, status, term_start, term_end, review_on
FROM career_reserve_members;
GO

CREATE VIEW career_v_retirement_rules AS
SELECT category, base_age_months, target_age_months, first_birth_month, birth_months_per_step
FROM career_retirement_rules;
GO
