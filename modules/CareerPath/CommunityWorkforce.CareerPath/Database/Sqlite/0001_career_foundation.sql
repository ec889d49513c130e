-- 职业发展: settings, the statutory retirement-age table, grade history (三岗十八级) and the reserve-cadre pool.
-- Later migrations of this module add the ladder configuration, progression runs, tracks, applications and plans.
CREATE TABLE career_settings (
    setting_key  TEXT NOT NULL PRIMARY KEY,
    value        TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL
);
INSERT INTO career_settings (setting_key, value, updated_at) VALUES ('retirement.female_category', 'female-cadre', '2026-12-01T00:00:00+00:00');

-- The 2025 reform: born before first_birth_month → base age; from it on, +1 month per birth_months_per_step months of
-- birth, capped at target_age_months.
CREATE TABLE career_retirement_rules (
    category               TEXT NOT NULL PRIMARY KEY,
    base_age_months        INTEGER NOT NULL,
    target_age_months      INTEGER NOT NULL,
    first_birth_month      TEXT NOT NULL,
    birth_months_per_step  INTEGER NOT NULL,
    version                INTEGER NOT NULL DEFAULT 1,
    updated_at             TEXT NOT NULL
);
INSERT INTO career_retirement_rules (category, base_age_months, target_age_months, first_birth_month, birth_months_per_step, updated_at) VALUES
    ('male', 720, 756, '1965-01-01', 4, '2026-12-01T00:00:00+00:00'),
    ('female-cadre', 660, 696, '1970-01-01', 4, '2026-12-01T00:00:00+00:00'),
    ('female-worker', 600, 660, '1975-01-01', 2, '2026-12-01T00:00:00+00:00');

-- One row per grade a worker has held; is_current marks the one in force (exactly one per worker, kept by the writes).
CREATE TABLE career_grade_history (
    id          TEXT NOT NULL PRIMARY KEY,
    worker_id   TEXT NOT NULL,
    post_type   TEXT NOT NULL,
    level       INTEGER NOT NULL,
    from_date   TEXT NOT NULL,
    reason      TEXT NOT NULL,
    source_id   TEXT NULL,
    is_current  INTEGER NOT NULL DEFAULT 0,
    created_by  TEXT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX ix_career_grade_history_worker ON career_grade_history (worker_id, from_date);
CREATE UNIQUE INDEX ux_career_grade_history_current ON career_grade_history (worker_id) WHERE is_current = 1;

CREATE TABLE career_reserve_members (
    id            TEXT NOT NULL PRIMARY KEY,
    worker_id     TEXT NOT NULL,
    org_unit_id   TEXT NOT NULL,
    org_path      TEXT NOT NULL,
    target_stage  TEXT NOT NULL,
    status        TEXT NOT NULL,
    nominated_on  TEXT NOT NULL,
    term_start    TEXT NULL,
    term_end      TEXT NULL,
    review_on     TEXT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX ix_career_reserve_members_path ON career_reserve_members (org_path);
CREATE INDEX ix_career_reserve_members_worker ON career_reserve_members (worker_id);

CREATE VIEW career_v_current_grades AS
SELECT worker_id, post_type, level, from_date AS since_date
FROM career_grade_history
WHERE is_current = 1;

CREATE VIEW career_v_reserve_pool AS
SELECT id AS member_id, worker_id, org_unit_id, org_path, target_stage, status, term_start, term_end, review_on
FROM career_reserve_members;

CREATE VIEW career_v_retirement_rules AS
SELECT category, base_age_months, target_age_months, first_birth_month, birth_months_per_step
FROM career_retirement_rules;
