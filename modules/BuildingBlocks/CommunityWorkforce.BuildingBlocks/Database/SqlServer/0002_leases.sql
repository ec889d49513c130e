CREATE TABLE platform_leases (
    name        NVARCHAR(100) NOT NULL PRIMARY KEY,
    holder      NVARCHAR(200) NOT NULL,
    expires_at  DATETIMEOFFSET NOT NULL
);
