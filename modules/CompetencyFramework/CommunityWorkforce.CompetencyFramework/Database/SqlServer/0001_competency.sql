-- 能力体系: versioned frameworks (dimensions → competencies → levels 1–5 with behavioural indicators), requirement
-- profiles per post type, assessment campaigns, the current assessed levels and gaps per worker, 全岗通 certification.
CREATE TABLE competency_frameworks (
    id            UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    code          NVARCHAR(100) NOT NULL,
    version_no    INT NOT NULL,
    name_zh       NVARCHAR(200) NOT NULL,
    name_en       NVARCHAR(200) NOT NULL,
    status        NVARCHAR(100) NOT NULL,
    based_on_id   UNIQUEIDENTIFIER NULL,
    published_at  DATETIMEOFFSET NULL,
    retired_at    DATETIMEOFFSET NULL,
    version       INT NOT NULL DEFAULT 1,
    created_at    DATETIMEOFFSET NOT NULL,
    updated_at    DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_competency_frameworks_code_version_no ON competency_frameworks (code, version_no);

CREATE TABLE competency_dimensions (
    id            UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    framework_id  UNIQUEIDENTIFIER NOT NULL REFERENCES competency_frameworks (id),
    code          NVARCHAR(100) NOT NULL,
    name_zh       NVARCHAR(200) NOT NULL,
    name_en       NVARCHAR(200) NOT NULL,
    sort_order    INT NOT NULL
);
CREATE INDEX ix_competency_dimensions_framework_id ON competency_dimensions (framework_id, sort_order);

CREATE TABLE competency_competencies (
    id            UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    framework_id  UNIQUEIDENTIFIER NOT NULL REFERENCES competency_frameworks (id),
    dimension_id  UNIQUEIDENTIFIER NOT NULL REFERENCES competency_dimensions (id),
    code          NVARCHAR(100) NOT NULL,
    name_zh       NVARCHAR(200) NOT NULL,
    name_en       NVARCHAR(200) NOT NULL,
    sort_order    INT NOT NULL
);
CREATE UNIQUE INDEX ux_competency_competencies_framework_id_code ON competency_competencies (framework_id, code);

CREATE TABLE competency_levels (
    competency_id  UNIQUEIDENTIFIER NOT NULL REFERENCES competency_competencies (id),
    level          INT NOT NULL,
    indicator_zh   NVARCHAR(1000) NOT NULL,
    indicator_en   NVARCHAR(1000) NOT NULL,
    PRIMARY KEY (competency_id, level)
);

CREATE TABLE competency_profiles (
    id            UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    framework_id  UNIQUEIDENTIFIER NOT NULL REFERENCES competency_frameworks (id),
    name          NVARCHAR(200) NOT NULL,
    post_type     NVARCHAR(100) NOT NULL,
    level_from    INT NOT NULL,
    level_to      INT NOT NULL,
    post_title    NVARCHAR(200) NOT NULL DEFAULT '',
    version       INT NOT NULL DEFAULT 1,
    created_at    DATETIMEOFFSET NOT NULL,
    updated_at    DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_competency_profiles_key ON competency_profiles (framework_id, post_type, post_title);

CREATE TABLE competency_profile_items (
    profile_id      UNIQUEIDENTIFIER NOT NULL REFERENCES competency_profiles (id),
    competency_id   UNIQUEIDENTIFIER NOT NULL REFERENCES competency_competencies (id),
    competency_code NVARCHAR(100) NOT NULL,
    required_level  INT NOT NULL,
    weight          INT NOT NULL,
    item_bit        BIGINT NOT NULL,
    PRIMARY KEY (profile_id, competency_id)
);

CREATE TABLE competency_campaigns (
    id                 UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    name               NVARCHAR(200) NOT NULL,
    framework_id       UNIQUEIDENTIFIER NOT NULL REFERENCES competency_frameworks (id),
    org_unit_id        UNIQUEIDENTIFIER NOT NULL,
    org_path           NVARCHAR(400) NOT NULL,
    post_types         NVARCHAR(100) NOT NULL,
    period_start       DATE NOT NULL,
    period_end         DATE NOT NULL,
    deadline           DATE NOT NULL,
    supervisor_weight  INT NOT NULL,
    status             NVARCHAR(100) NOT NULL,
    version            INT NOT NULL DEFAULT 1,
    created_at         DATETIMEOFFSET NOT NULL,
    updated_at         DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_competency_campaigns_org_path ON competency_campaigns (org_path, status);

CREATE TABLE competency_assessments (
    id                       UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    campaign_id              UNIQUEIDENTIFIER NOT NULL REFERENCES competency_campaigns (id),
    worker_id                UNIQUEIDENTIFIER NOT NULL,
    profile_id               UNIQUEIDENTIFIER NULL REFERENCES competency_profiles (id),
    status                   NVARCHAR(100) NOT NULL,
    self_submitted_at        DATETIMEOFFSET NULL,
    supervisor_submitted_at  DATETIMEOFFSET NULL,
    supervisor_name          NVARCHAR(200) NULL,
    finalised_at             DATETIMEOFFSET NULL,
    finalised_by             NVARCHAR(200) NULL,
    fit_score                FLOAT NULL,
    version                  INT NOT NULL DEFAULT 1,
    created_at               DATETIMEOFFSET NOT NULL,
    updated_at               DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_competency_assessments_campaign_worker ON competency_assessments (campaign_id, worker_id);
CREATE INDEX ix_competency_assessments_worker_id ON competency_assessments (worker_id, status);

CREATE TABLE competency_assessment_scores (
    assessment_id        UNIQUEIDENTIFIER NOT NULL REFERENCES competency_assessments (id),
    competency_id        UNIQUEIDENTIFIER NOT NULL REFERENCES competency_competencies (id),
    self_level           INT NULL,
    self_evidence        NVARCHAR(1000) NULL,
    supervisor_level     INT NULL,
    supervisor_evidence  NVARCHAR(1000) NULL,
    final_level          INT NULL,
    PRIMARY KEY (assessment_id, competency_id)
);

-- The current state after each worker's latest finalised assessment, kept at finalisation for set-wise reads.
CREATE TABLE competency_worker_fits (
    worker_id      UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    assessment_id  UNIQUEIDENTIFIER NOT NULL,
    profile_id     UNIQUEIDENTIFIER NULL,
    fit_score      FLOAT NULL,
    assessed_on    DATE NOT NULL
);

CREATE TABLE competency_worker_levels (
    worker_id        UNIQUEIDENTIFIER NOT NULL,
    competency_code  NVARCHAR(100) NOT NULL,
    competency_id    UNIQUEIDENTIFIER NOT NULL,
    level            INT NOT NULL,
    assessment_id    UNIQUEIDENTIFIER NOT NULL,
    assessed_on      DATE NOT NULL,
    PRIMARY KEY (worker_id, competency_code)
);

CREATE TABLE competency_worker_gaps (
    worker_id        UNIQUEIDENTIFIER NOT NULL,
    competency_code  NVARCHAR(100) NOT NULL,
    required_level   INT NOT NULL,
    assessed_level   INT NOT NULL,
    gap              INT NOT NULL,
    weight           INT NOT NULL,
    PRIMARY KEY (worker_id, competency_code)
);

CREATE TABLE competency_service_lines (
    id          UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    code        NVARCHAR(100) NOT NULL,
    name_zh     NVARCHAR(200) NOT NULL,
    name_en     NVARCHAR(200) NOT NULL,
    sort_order  INT NOT NULL,
    status      NVARCHAR(100) NOT NULL DEFAULT 'active',
    version     INT NOT NULL DEFAULT 1,
    created_at  DATETIMEOFFSET NOT NULL,
    updated_at  DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_competency_service_lines_code ON competency_service_lines (code);

CREATE TABLE competency_certifications (
    id            UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    worker_id     UNIQUEIDENTIFIER NOT NULL,
    line_id       UNIQUEIDENTIFIER NOT NULL REFERENCES competency_service_lines (id),
    score         INT NOT NULL,
    pass_mark     INT NOT NULL,
    certified_on  DATE NOT NULL,
    expires_on    DATE NOT NULL,
    resit_count   INT NOT NULL DEFAULT 0,
    version       INT NOT NULL DEFAULT 1,
    created_at    DATETIMEOFFSET NOT NULL,
    updated_at    DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_competency_certifications_worker_line ON competency_certifications (worker_id, line_id);
CREATE INDEX ix_competency_certifications_expires_on ON competency_certifications (expires_on);

GO

CREATE VIEW competency_v_worker_levels AS
SELECT worker_id, competency_code, level, assessment_id, assessed_on
FROM competency_worker_levels;
GO

CREATE VIEW competency_v_worker_gaps AS
SELECT worker_id, competency_code, required_level, assessed_level, gap, weight
FROM competency_worker_gaps
WHERE gap > 0;
GO

CREATE VIEW competency_v_certifications AS
SELECT c.worker_id, l.code AS line_code, c.score, c.pass_mark, c.certified_on, c.expires_on,
       CASE WHEN c.score >= c.pass_mark THEN 1 ELSE 0 END AS passed
FROM competency_certifications c
JOIN competency_service_lines l ON l.id = c.line_id;
GO
