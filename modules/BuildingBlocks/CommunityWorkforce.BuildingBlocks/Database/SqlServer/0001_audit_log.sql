CREATE TABLE platform_audit_log (
    id           UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    occurred_at  DATETIMEOFFSET NOT NULL,
    account_id   UNIQUEIDENTIFIER NULL,
    user_name    NVARCHAR(100) NOT NULL,
    role         NVARCHAR(20) NOT NULL,
    action       NVARCHAR(100) NOT NULL,
    entity_type  NVARCHAR(50) NOT NULL,
    entity_id    UNIQUEIDENTIFIER NULL,
    scope_path   NVARCHAR(400) NULL,
    changes      NVARCHAR(MAX) NULL,
    reason       NVARCHAR(500) NULL,
    request_id   NVARCHAR(100) NULL
);
CREATE INDEX ix_platform_audit_log_occurred_at ON platform_audit_log (occurred_at);
CREATE INDEX ix_platform_audit_log_entity ON platform_audit_log (entity_type, entity_id);
CREATE INDEX ix_platform_audit_log_scope_path ON platform_audit_log (scope_path);
