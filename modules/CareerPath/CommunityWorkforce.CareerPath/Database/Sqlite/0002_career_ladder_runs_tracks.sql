-- The grade ladder (三岗十八级) versioned by effective date, annual progression runs with their explained results,
-- career-track stages whose criteria are data, and promotion/demotion applications (能上能下).
ALTER TABLE career_grade_history ADD COLUMN reason_code TEXT NOT NULL DEFAULT 'initial';
CREATE INDEX ix_career_grade_history_source ON career_grade_history (source_id);

-- config: the whole ladder as one JSON document (bands, coefficients, step rule, bonuses); a version applies from
-- effective_from until the next one.
CREATE TABLE career_ladder_versions (
    id              TEXT NOT NULL PRIMARY KEY,
    effective_from  TEXT NOT NULL,
    config          TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_by      TEXT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_career_ladder_versions_from ON career_ladder_versions (effective_from);

-- status: previewed → applied (once). A run covers one org subtree on one day.
CREATE TABLE career_progression_runs (
    id                     TEXT NOT NULL PRIMARY KEY,
    as_of                  TEXT NOT NULL,
    org_unit_id            TEXT NULL,
    org_path               TEXT NOT NULL,
    ladder_effective_from  TEXT NOT NULL,
    status                 TEXT NOT NULL,
    workers                INTEGER NOT NULL,
    steps                  INTEGER NOT NULL,
    applied_steps          INTEGER NULL,
    version                INTEGER NOT NULL DEFAULT 1,
    created_by             TEXT NULL,
    created_at             TEXT NOT NULL,
    applied_by             TEXT NULL,
    applied_at             TEXT NULL
);
CREATE INDEX ix_career_progression_runs_path ON career_progression_runs (org_path, as_of);

-- One row per worker of a run: from → to level and why. new_grade_id is chosen at preview so that the apply is one
-- INSERT ... SELECT.
CREATE TABLE career_progression_results (
    run_id          TEXT NOT NULL,
    worker_id       TEXT NOT NULL,
    staff_no        TEXT NOT NULL,
    name            TEXT NOT NULL,
    org_path        TEXT NOT NULL,
    post_type       TEXT NOT NULL,
    since           TEXT NOT NULL,
    from_level      INTEGER NOT NULL,
    to_level        INTEGER NOT NULL,
    reason_code     TEXT NULL,
    explanation     TEXT NOT NULL,
    explanation_en  TEXT NOT NULL,
    next_due_on     TEXT NULL,
    new_grade_id    TEXT NOT NULL,
    applied         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, worker_id)
);
CREATE INDEX ix_career_progression_results_step ON career_progression_results (run_id, to_level, from_level);

-- Career-track stages (助理岗位 → 后备干部 → 副职 → 正职; business / management / leadership). criteria: JSON HR edits.
CREATE TABLE career_stages (
    code        TEXT NOT NULL PRIMARY KEY,
    track       TEXT NOT NULL,
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    post_type   TEXT NULL,
    sort_order  INTEGER NOT NULL,
    criteria    TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT NOT NULL
);

-- status: submitted (HR or the worker applied) → reviewed (HR) → approved / rejected (street leader); HR may reject.
CREATE TABLE career_applications (
    id               TEXT NOT NULL PRIMARY KEY,
    worker_id        TEXT NOT NULL,
    org_unit_id      TEXT NOT NULL,
    org_path         TEXT NOT NULL,
    kind             TEXT NOT NULL,
    target_stage     TEXT NULL,
    from_post_type   TEXT NOT NULL,
    from_level       INTEGER NOT NULL,
    to_post_type     TEXT NOT NULL,
    to_level         INTEGER NOT NULL,
    target_post_id   TEXT NULL,
    effective_on     TEXT NOT NULL,
    reason           TEXT NOT NULL,
    status           TEXT NOT NULL,
    applied_by       TEXT NULL,
    applied_role     TEXT NOT NULL,
    review_note      TEXT NULL,
    reviewed_by      TEXT NULL,
    reviewed_at      TEXT NULL,
    decision_note    TEXT NULL,
    decided_by       TEXT NULL,
    decided_at       TEXT NULL,
    new_posting_id   TEXT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX ix_career_applications_path ON career_applications (org_path, status);
CREATE INDEX ix_career_applications_worker ON career_applications (worker_id);
