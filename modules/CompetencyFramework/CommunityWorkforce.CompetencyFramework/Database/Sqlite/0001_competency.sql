-- 能力体系: versioned frameworks (dimensions → competencies → levels 1–5 with behavioural indicators), requirement
-- profiles per post type, assessment campaigns, the current assessed levels and gaps per worker, 全岗通 certification.
CREATE TABLE competency_frameworks (
    id            TEXT NOT NULL PRIMARY KEY,
    code          TEXT NOT NULL,
    version_no    INTEGER NOT NULL,
    name_zh       TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    status        TEXT NOT NULL,
    based_on_id   TEXT NULL,
    published_at  TEXT NULL,
    retired_at    TEXT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_competency_frameworks_code_version_no ON competency_frameworks (code, version_no);

CREATE TABLE competency_dimensions (
    id            TEXT NOT NULL PRIMARY KEY,
    framework_id  TEXT NOT NULL REFERENCES competency_frameworks (id),
    code          TEXT NOT NULL,
    name_zh       TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    sort_order    INTEGER NOT NULL
);
CREATE INDEX ix_competency_dimensions_framework_id ON competency_dimensions (framework_id, sort_order);

CREATE TABLE competency_competencies (
    id            TEXT NOT NULL PRIMARY KEY,
    framework_id  TEXT NOT NULL REFERENCES competency_frameworks (id),
    dimension_id  TEXT NOT NULL REFERENCES competency_dimensions (id),
    code          TEXT NOT NULL,
    name_zh       TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    sort_order    INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_competency_competencies_framework_id_code ON competency_competencies (framework_id, code);

CREATE TABLE competency_levels (
    competency_id  TEXT NOT NULL REFERENCES competency_competencies (id),
    level          INTEGER NOT NULL,
    indicator_zh   TEXT NOT NULL,
    indicator_en   TEXT NOT NULL,
    PRIMARY KEY (competency_id, level)
);

CREATE TABLE competency_profiles (
    id            TEXT NOT NULL PRIMARY KEY,
    framework_id  TEXT NOT NULL REFERENCES competency_frameworks (id),
    name          TEXT NOT NULL,
    post_type     TEXT NOT NULL,
    level_from    INTEGER NOT NULL,
    level_to      INTEGER NOT NULL,
    post_title    TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_competency_profiles_key ON competency_profiles (framework_id, post_type, post_title);

CREATE TABLE competency_profile_items (
    profile_id      TEXT NOT NULL REFERENCES competency_profiles (id),
    competency_id   TEXT NOT NULL REFERENCES competency_competencies (id),
    competency_code TEXT NOT NULL,
    required_level  INTEGER NOT NULL,
    weight          INTEGER NOT NULL,
    item_bit        INTEGER NOT NULL,
    PRIMARY KEY (profile_id, competency_id)
);

CREATE TABLE competency_campaigns (
    id                 TEXT NOT NULL PRIMARY KEY,
    name               TEXT NOT NULL,
    framework_id       TEXT NOT NULL REFERENCES competency_frameworks (id),
    org_unit_id        TEXT NOT NULL,
    org_path           TEXT NOT NULL,
    post_types         TEXT NOT NULL,
    period_start       TEXT NOT NULL,
    period_end         TEXT NOT NULL,
    deadline           TEXT NOT NULL,
    supervisor_weight  INTEGER NOT NULL,
    status             TEXT NOT NULL,
    version            INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX ix_competency_campaigns_org_path ON competency_campaigns (org_path, status);

CREATE TABLE competency_assessments (
    id                       TEXT NOT NULL PRIMARY KEY,
    campaign_id              TEXT NOT NULL REFERENCES competency_campaigns (id),
    worker_id                TEXT NOT NULL,
    profile_id               TEXT NULL REFERENCES competency_profiles (id),
    status                   TEXT NOT NULL,
    self_submitted_at        TEXT NULL,
    supervisor_submitted_at  TEXT NULL,
    supervisor_name          TEXT NULL,
    finalised_at             TEXT NULL,
    finalised_by             TEXT NULL,
    fit_score                REAL NULL,
    version                  INTEGER NOT NULL DEFAULT 1,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_competency_assessments_campaign_worker ON competency_assessments (campaign_id, worker_id);
CREATE INDEX ix_competency_assessments_worker_id ON competency_assessments (worker_id, status);

CREATE TABLE competency_assessment_scores (
    assessment_id        TEXT NOT NULL REFERENCES competency_assessments (id),
    competency_id        TEXT NOT NULL REFERENCES competency_competencies (id),
    self_level           INTEGER NULL,
    self_evidence        TEXT NULL,
    supervisor_level     INTEGER NULL,
    supervisor_evidence  TEXT NULL,
    final_level          INTEGER NULL,
    PRIMARY KEY (assessment_id, competency_id)
);

-- The current state after each worker's latest finalised assessment, kept at finalisation for set-wise reads.
CREATE TABLE competency_worker_fits (
    worker_id      TEXT NOT NULL PRIMARY KEY,
    assessment_id  TEXT NOT NULL,
    profile_id     TEXT NULL,
    fit_score      REAL NULL,
    assessed_on    TEXT NOT NULL
);

CREATE TABLE competency_worker_levels (
    worker_id        TEXT NOT NULL,
    competency_code  TEXT NOT NULL,
    competency_id    TEXT NOT NULL,
    level            INTEGER NOT NULL,
    assessment_id    TEXT NOT NULL,
    assessed_on      TEXT NOT NULL,
    PRIMARY KEY (worker_id, competency_code)
);

CREATE TABLE competency_worker_gaps (
    worker_id        TEXT NOT NULL,
    competency_code  TEXT NOT NULL,
    required_level   INTEGER NOT NULL,
    assessed_level   INTEGER NOT NULL,
    gap              INTEGER NOT NULL,
    weight           INTEGER NOT NULL,
    PRIMARY KEY (worker_id, competency_code)
);

CREATE TABLE competency_service_lines (
    id          TEXT NOT NULL PRIMARY KEY,
    code        TEXT NOT NULL,
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    sort_order  INTEGER NOT NULL,
    status      TEXT NOT NULL DEFAULT 'active',
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_competency_service_lines_code ON competency_service_lines (code);

CREATE TABLE competency_certifications (
    id            TEXT NOT NULL PRIMARY KEY,
    worker_id     TEXT NOT NULL,
    line_id       TEXT NOT NULL REFERENCES competency_service_lines (id),
    score         INTEGER NOT NULL,
    pass_mark     INTEGER NOT NULL,
    certified_on  TEXT NOT NULL,
    expires_on    TEXT NOT NULL,
    resit_count   INTEGER NOT NULL DEFAULT 0,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_competency_certifications_worker_line ON competency_certifications (worker_id, line_id);
CREATE INDEX ix_competency_certifications_expires_on ON competency_certifications (expires_on);

CREATE VIEW competency_v_worker_levels AS
SELECT worker_id, competency_code, level, assessment_id, assessed_on
FROM competency_worker_levels;

CREATE VIEW competency_v_worker_gaps AS
SELECT worker_id, competency_code, required_level, assessed_level, gap, weight
FROM competency_worker_gaps
WHERE gap > 0;

CREATE VIEW competency_v_certifications AS
SELECT c.worker_id, l.code AS line_code, c.score, c.pass_mark, c.certified_on, c.expires_on,
       CASE WHEN c.score >= c.pass_mark THEN 1 ELSE 0 END AS passed
FROM competency_certifications c
JOIN competency_service_lines l ON l.id = c.line_id;
