CREATE TABLE platform_audit_log (
    id           TEXT NOT NULL PRIMARY KEY,
    occurred_at  TEXT NOT NULL,
    account_id   TEXT NULL,
    user_name    TEXT NOT NULL,
    role         TEXT NOT NULL,
    action       TEXT NOT NULL,
    entity_type  TEXT NOT NULL,
    entity_id    TEXT NULL,
    scope_path   TEXT NULL,
    changes      TEXT NULL,
    reason       TEXT NULL,
    request_id   TEXT NULL
);
CREATE INDEX ix_platform_audit_log_occurred_at ON platform_audit_log (occurred_at);
CREATE INDEX ix_platform_audit_log_entity ON platform_audit_log (entity_type, entity_id);
CREATE INDEX ix_platform_audit_log_scope_path ON platform_audit_log (scope_path);
