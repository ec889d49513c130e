CREATE TABLE access_accounts (
    id                    TEXT NOT NULL PRIMARY KEY,
    user_name             TEXT NOT NULL,
    display_name          TEXT NOT NULL,
    role                  TEXT NOT NULL,
    org_unit_id           TEXT NULL,
    worker_id             TEXT NULL,
    password_hash         TEXT NOT NULL,
    disabled              INTEGER NOT NULL DEFAULT 0,
    must_change_password  INTEGER NOT NULL DEFAULT 0,
    failed_sign_ins       INTEGER NOT NULL DEFAULT 0,
    locked_until          TEXT NULL,
    last_sign_in_at       TEXT NULL,
    version               INTEGER NOT NULL DEFAULT 1,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_access_accounts_user_name ON access_accounts (user_name);
CREATE INDEX ix_access_accounts_org_unit_id ON access_accounts (org_unit_id);
CREATE INDEX ix_access_accounts_worker_id ON access_accounts (worker_id);

CREATE TABLE access_refresh_tokens (
    id          TEXT NOT NULL PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES access_accounts (id),
    family_id   TEXT NOT NULL,
    token_hash  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT NULL,
    revoked_at  TEXT NULL
);
CREATE UNIQUE INDEX ux_access_refresh_tokens_token_hash ON access_refresh_tokens (token_hash);
CREATE INDEX ix_access_refresh_tokens_family_id ON access_refresh_tokens (family_id);
CREATE INDEX ix_access_refresh_tokens_account_id ON access_refresh_tokens (account_id);
