using CommunityWorkforce.Access.Accounts;
using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.Staffing.Contracts;
using Microsoft.Extensions.Logging;

namespace CommunityWorkforce.Access.Auth;

/// <summary>
/// Demo accounts (README lists them) when demo data is on; otherwise, on an empty database, one <c>admin</c> with a
/// random password written to the data folder, never a default password.
/// </summary>
internal sealed class AccountSeeder(DbSession db, Passwords passwords, IOrgUnitDirectory orgUnits, IWorkerDirectory workers,
    AuditWriter audit, TimeProvider clock, ILogger<AccountSeeder> logger)
{
    public const string DemoPassword = "Demo2026cw";

    /// <summary>The roster record the demo worker account belongs to (Staffing's demo data).</summary>
    public const string DemoWorkerStaffNo = "CW000001";

    private static readonly (string UserName, string DisplayName, string Role, string? OrgCode)[] DemoAccounts =
    [
        ("admin", "系统管理员", Roles.Admin, null),
        ("hr.linfen", "临汾路街道人事专员（演示）", Roles.Hr, "310106021"),
        ("leader.linfen", "临汾路街道分管领导（演示）", Roles.Leader, "310106021"),
        ("worker.demo", "汾西路居委会社工（演示）", Roles.Worker, "310106021001"),
    ];

    public async Task SeedAsync(bool demo, string dataFolder, CancellationToken ct)
    {
        await using var tx = await db.BeginAsync(ct);
        if (demo)
        {
            foreach (var (userName, displayName, role, orgCode) in DemoAccounts)
            {
                var unit = orgCode is null ? null : await orgUnits.FindByCodeAsync(orgCode, ct);
                await Ensure(userName, displayName, role, unit, DemoPassword, mustChange: false, ct);
            }
            if (await workers.FindByStaffNoAsync(DemoWorkerStaffNo, ct) is { } worker)
            {
                await db.ExecuteAsync(AccountSql.LinkWorker, new { UserName = "worker.demo", WorkerId = worker.Id, OrgUnitId = worker.OrgUnitId }, ct);
            }
        }
        else if (await db.ExecuteScalarAsync<int>(AccountSql.AnyAdmin, null, ct) == 0)
        {
            var password = Passwords.Temporary();
            await Ensure("admin", "系统管理员", Roles.Admin, null, password, mustChange: true, ct);
            Directory.CreateDirectory(dataFolder);
            var file = Path.Combine(dataFolder, "initial-admin-password.txt");
            await File.WriteAllTextAsync(file, password + Environment.NewLine, ct);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            logger.LogWarning("Created the first admin account; its one-time password is in {File}", file);
        }
        await tx.CommitAsync(ct);
    }

    private async Task Ensure(string userName, string displayName, string role, OrgUnitInfo? unit, string password,
        bool mustChange, CancellationToken ct)
    {
        if (await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ByUserName, new { UserName = userName }, ct) is not null)
        {
            return;
        }
        var id = Guid.NewGuid();
        await db.ExecuteAsync(AccountSql.Insert, new
        {
            Id = id, UserName = userName, DisplayName = displayName, Role = role, OrgUnitId = unit?.Id,
            WorkerId = (Guid?)null, PasswordHash = passwords.Hash(password), MustChangePassword = mustChange,
            Now = clock.GetUtcNow(),
        }, ct);
        await audit.WriteAsync(new AuditEntry("access.account.seeded", "account", id, unit?.Path, new { userName, role }), ct);
    }
}
