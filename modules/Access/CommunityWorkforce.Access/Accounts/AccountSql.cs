namespace CommunityWorkforce.Access.Accounts;

internal static class AccountSql
{
    private const string Columns = """
        a.id, a.user_name, a.display_name, a.role, a.org_unit_id, a.worker_id, a.password_hash, a.disabled,
        a.must_change_password, a.failed_sign_ins, a.locked_until, a.last_sign_in_at, a.version, a.created_at, a.updated_at
        """;

    public const string ByUserName = "SELECT " + Columns + " FROM access_accounts a WHERE a.user_name = @UserName";

    /// <summary>Sign-in reads and then writes the counters: lock the row on SQL Server so parallel attempts queue.</summary>
    public const string ByUserNameForUpdate = "SELECT " + Columns + " FROM access_accounts a {updlock} WHERE a.user_name = @UserName";

    public const string ById = "SELECT " + Columns + " FROM access_accounts a WHERE a.id = @Id";

    private const string ListFilter = """
        FROM access_accounts a
        WHERE (@Role IS NULL OR a.role = @Role)
          AND (@Disabled IS NULL OR a.disabled = @Disabled)
          AND (@Q IS NULL OR a.user_name LIKE @Q ESCAPE '\' OR a.display_name LIKE @Q ESCAPE '\')
        """;

    public const string List = "SELECT " + Columns + " " + ListFilter + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*) " + ListFilter;

    public const string LinkWorker = """
        UPDATE access_accounts SET worker_id = @WorkerId, org_unit_id = @OrgUnitId WHERE user_name = @UserName AND worker_id IS NULL
        """;

    public const string AnyAdmin = "SELECT COUNT(*) FROM access_accounts WHERE role = 'admin'";

    public const string Insert = """
        INSERT INTO access_accounts
            (id, user_name, display_name, role, org_unit_id, worker_id, password_hash, disabled, must_change_password,
             failed_sign_ins, version, created_at, updated_at)
        VALUES
            (@Id, @UserName, @DisplayName, @Role, @OrgUnitId, @WorkerId, @PasswordHash, 0, @MustChangePassword,
             0, 1, @Now, @Now)
        """;

    public const string RecordFailedSignIn = """
        UPDATE access_accounts
        SET failed_sign_ins = @FailedSignIns, locked_until = @LockedUntil, updated_at = @Now
        WHERE id = @Id
        """;

    public const string RecordSignIn = """
        UPDATE access_accounts
        SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = @Now, password_hash = @PasswordHash
        WHERE id = @Id
        """;

    public const string SetDisabled = """
        UPDATE access_accounts SET disabled = @Disabled, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;

    public const string SetPassword = """
        UPDATE access_accounts
        SET password_hash = @PasswordHash, must_change_password = @MustChangePassword, failed_sign_ins = 0,
            locked_until = NULL, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;
}

internal static class RefreshTokenSql
{
    public const string Insert = """
        INSERT INTO access_refresh_tokens (id, account_id, family_id, token_hash, created_at, expires_at)
        VALUES (@Id, @AccountId, @FamilyId, @TokenHash, @Now, @ExpiresAt)
        """;

    public const string ByHash = """
        SELECT id, account_id, family_id, expires_at, used_at, revoked_at
        FROM access_refresh_tokens WHERE token_hash = @TokenHash
        """;

    /// <summary>Spends a token once: a second spender (or a replay) changes no row.</summary>
    public const string Spend = """
        UPDATE access_refresh_tokens SET used_at = @Now
        WHERE id = @Id AND used_at IS NULL AND revoked_at IS NULL
        """;

    public const string RevokeFamily = """
        UPDATE access_refresh_tokens SET revoked_at = @Now WHERE family_id = @FamilyId AND revoked_at IS NULL
        """;

    public const string RevokeAccount = """
        UPDATE access_refresh_tokens SET revoked_at = @Now WHERE account_id = @AccountId AND revoked_at IS NULL
        """;
}
