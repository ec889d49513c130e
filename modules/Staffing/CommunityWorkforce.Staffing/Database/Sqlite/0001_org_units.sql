CREATE TABLE staffing_org_units (
    id            TEXT NOT NULL PRIMARY KEY,
    code          TEXT NOT NULL,
    name          TEXT NOT NULL,
    level         TEXT NOT NULL,
    parent_id     TEXT NULL REFERENCES staffing_org_units (id),
    path          TEXT NOT NULL COLLATE NOCASE,
    depth         INTEGER NOT NULL,
    households    INTEGER NULL,
    population    INTEGER NULL,
    is_demo       INTEGER NOT NULL DEFAULT 0,
    status        TEXT NOT NULL DEFAULT 'active',
    closed_on     TEXT NULL,
    close_reason  TEXT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_staffing_org_units_code ON staffing_org_units (code);
CREATE UNIQUE INDEX ux_staffing_org_units_path ON staffing_org_units (path);
CREATE INDEX ix_staffing_org_units_parent_id ON staffing_org_units (parent_id);

CREATE VIEW staffing_v_org_units AS
SELECT id, code, name, level, parent_id, path, depth, households, population, status
FROM staffing_org_units;
