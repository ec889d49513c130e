-- The grade ladder (三岗十八级) versioned by effective date, annual progression runs with their explained results,
-- career-track stages whose criteria are data, and promotion/demotion applications (能上能下).
ALTER TABLE career_grade_history ADD reason_code NVARCHAR(40) NOT NULL DEFAULT 'initial';
CREATE INDEX ix_career_grade_history_source ON career_grade_history (source_id);

-- config: the whole ladder as one JSON document (bands, coefficients, step rule, bonuses); a version applies from
-- effective_from until the next one.
CREATE TABLE career_ladder_versions (
    id              UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    effective_from  DATE NOT NULL,
    config          NVARCHAR(MAX) NOT NULL,
    version         INT NOT NULL DEFAULT 1,
    created_by      NVARCHAR(100) NULL,
    created_at      DATETIMEOFFSET NOT NULL,
    updated_at      DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_career_ladder_versions_from ON career_ladder_versions (effective_from);

-- status: previewed → applied (once). A run covers one org subtree on one day.
CREATE TABLE career_progression_runs (
    id                     UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    as_of                  DATE NOT NULL,
    org_unit_id            UNIQUEIDENTIFIER NULL,
    org_path               NVARCHAR(400) NOT NULL,
    ladder_effective_from  DATE NOT NULL,
    status                 NVARCHAR(100) NOT NULL,
    workers                INT NOT NULL,
    steps                  INT NOT NULL,
    applied_steps          INT NULL,
    version                INT NOT NULL DEFAULT 1,
    created_by             NVARCHAR(100) NULL,
    created_at             DATETIMEOFFSET NOT NULL,
    applied_by             NVARCHAR(100) NULL,
    applied_at             DATETIMEOFFSET NULL
);
CREATE INDEX ix_career_progression_runs_path ON career_progression_runs (org_path, as_of);

-- One row per worker of a run: from → to level and why. new_grade_id is chosen at preview so that the apply is one
-- INSERT ... SELECT.
CREATE TABLE career_progression_results (
    run_id          UNIQUEIDENTIFIER NOT NULL,
    worker_id       UNIQUEIDENTIFIER NOT NULL,
    staff_no        NVARCHAR(100) NOT NULL,
    name            NVARCHAR(1000) NOT NULL,
    org_path        NVARCHAR(400) NOT NULL,
    post_type       NVARCHAR(100) NOT NULL,
    since           DATE NOT NULL,
    from_level      INT NOT NULL,
    to_level        INT NOT NULL,
    reason_code     NVARCHAR(100) NULL,
    explanation     NVARCHAR(1000) NOT NULL,
    explanation_en  NVARCHAR(1000) NOT NULL,
    next_due_on     DATE NULL,
    new_grade_id    UNIQUEIDENTIFIER NOT NULL,
    applied         BIT NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, worker_id)
);
CREATE INDEX ix_career_progression_results_step ON career_progression_results (run_id, to_level, from_level);

-- Career-track stages (助理岗位 → 后备干部 → 副职 → 正职; business / management / leadership). criteria: JSON HR edits.
CREATE TABLE career_stages (
    code        NVARCHAR(100) NOT NULL PRIMARY KEY,
    track       NVARCHAR(100) NOT NULL,
    name_zh     NVARCHAR(1000) NOT NULL,
    name_en     NVARCHAR(1000) NOT NULL,
    post_type   NVARCHAR(100) NULL,
    sort_order  INT NOT NULL,
    criteria    NVARCHAR(MAX) NOT NULL,
    version     INT NOT NULL DEFAULT 1,
    updated_at  DATETIMEOFFSET NOT NULL
);

-- status: submitted (HR or the worker applied) → reviewed (HR) → approved / rejected (street leader); HR may reject.
CREATE TABLE career_applications (
    id               UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    worker_id        UNIQUEIDENTIFIER NOT NULL,
    org_unit_id      UNIQUEIDENTIFIER NOT NULL,
    org_path         NVARCHAR(400) NOT NULL,
    kind             NVARCHAR(100) NOT NULL,
    target_stage     NVARCHAR(100) NULL,
    from_post_type   NVARCHAR(100) NOT NULL,
    from_level       INT NOT NULL,
    to_post_type     NVARCHAR(100) NOT NULL,
    to_level         INT NOT NULL,
    target_post_id   UNIQUEIDENTIFIER NULL,
    effective_on     DATE NOT NULL,
    reason           NVARCHAR(1000) NOT NULL,
    status           NVARCHAR(100) NOT NULL,
    applied_by       NVARCHAR(100) NULL,
    applied_role     NVARCHAR(100) NOT NULL,
    review_note      NVARCHAR(1000) NULL,
    reviewed_by      NVARCHAR(100) NULL,
    reviewed_at      DATETIMEOFFSET NULL,
    decision_note    NVARCHAR(1000) NULL,
    decided_by       NVARCHAR(100) NULL,
    decided_at       DATETIMEOFFSET NULL,
    new_posting_id   UNIQUEIDENTIFIER NULL,
    version          INT NOT NULL DEFAULT 1,
    created_at       DATETIMEOFFSET NOT NULL,
    updated_at       DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_career_applications_path ON career_applications (org_path, status);
CREATE INDEX ix_career_applications_worker ON career_applications (worker_id);
