CREATE TABLE access_accounts (
    id                    UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    user_name             NVARCHAR(50) NOT NULL,
    display_name          NVARCHAR(100) NOT NULL,
    role                  NVARCHAR(20) NOT NULL,
    org_unit_id           UNIQUEIDENTIFIER NULL,
    worker_id             UNIQUEIDENTIFIER NULL,
    password_hash         NVARCHAR(200) NOT NULL,
    disabled              BIT NOT NULL DEFAULT 0,
    must_change_password  BIT NOT NULL DEFAULT 0,
    failed_sign_ins       INT NOT NULL DEFAULT 0,
    locked_until          DATETIMEOFFSET NULL,
    last_sign_in_at       DATETIMEOFFSET NULL,
    version               INT NOT NULL DEFAULT 1,
    created_at            DATETIMEOFFSET NOT NULL,
    updated_at            DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_access_accounts_user_name ON access_accounts (user_name);
CREATE INDEX ix_access_accounts_org_unit_id ON access_accounts (org_unit_id);
CREATE INDEX ix_access_accounts_worker_id ON access_accounts (worker_id);

CREATE TABLE access_refresh_tokens (
    id          UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    account_id  UNIQUEIDENTIFIER NOT NULL REFERENCES access_accounts (id),
    family_id   UNIQUEIDENTIFIER NOT NULL,
    token_hash  NVARCHAR(100) NOT NULL,
    created_at  DATETIMEOFFSET NOT NULL,
    expires_at  DATETIMEOFFSET NOT NULL,
    used_at     DATETIMEOFFSET NULL,
    revoked_at  DATETIMEOFFSET NULL
);
CREATE UNIQUE INDEX ux_access_refresh_tokens_token_hash ON access_refresh_tokens (token_hash);
CREATE INDEX ix_access_refresh_tokens_family_id ON access_refresh_tokens (family_id);
CREATE INDEX ix_access_refresh_tokens_account_id ON access_refresh_tokens (account_id);
