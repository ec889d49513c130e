using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Privacy;
using CommunityWorkforce.BuildingBlocks.Security;

namespace CommunityWorkforce.Access.Accounts;

/// <summary>Access's part of a data download: the account, never its password hash.</summary>
internal sealed class AccessPersonalData(DbSession db) : IPersonalDataSource
{
    public string Section => "account";

    public async Task<object?> CollectAsync(CurrentUser user, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<AccountRow>(AccountSql.ById, new { Id = user.AccountId }, ct);
        return row is null ? null : new
        {
            row.UserName, row.DisplayName, row.Role, row.OrgUnitId, row.WorkerId, row.Disabled, row.LastSignInAt, row.CreatedAt,
        };
    }
}
