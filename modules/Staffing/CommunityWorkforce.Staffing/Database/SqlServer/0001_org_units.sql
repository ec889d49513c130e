CREATE TABLE staffing_org_units (
    id            UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    code          NVARCHAR(20) NOT NULL,
    name          NVARCHAR(100) NOT NULL,
    level         NVARCHAR(20) NOT NULL,
    parent_id     UNIQUEIDENTIFIER NULL REFERENCES staffing_org_units (id),
    path          NVARCHAR(400) NOT NULL,
    depth         INT NOT NULL,
    households    INT NULL,
    population    INT NULL,
    is_demo       BIT NOT NULL DEFAULT 0,
    status        NVARCHAR(20) NOT NULL DEFAULT 'active',
    closed_on     DATE NULL,
    close_reason  NVARCHAR(500) NULL,
    version       INT NOT NULL DEFAULT 1,
    created_at    DATETIMEOFFSET NOT NULL,
    updated_at    DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_staffing_org_units_code ON staffing_org_units (code);
CREATE UNIQUE INDEX ux_staffing_org_units_path ON staffing_org_units (path);
CREATE INDEX ix_staffing_org_units_parent_id ON staffing_org_units (parent_id);
GO

CREATE VIEW staffing_v_org_units AS
SELECT id, code, name, level, parent_id, path, depth, households, population, status
FROM staffing_org_units;
GO
