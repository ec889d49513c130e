using CommunityWorkforce.BuildingBlocks.Data;

namespace CommunityWorkforce.CompetencyFramework.Profiles;

/// <summary>Requirement profiles as other features read them (gap analysis, ranking): city-wide reference data.</summary>
internal static class ProfileLookup
{
    internal static async Task<ProfileResponse?> FindAsync(DbSession db, Guid id, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<ProfileRow>(ProfileSql.Get, new { Id = id }, ct);
        if (row is null)
        {
            return null;
        }
        var items = await db.QueryAsync<ProfileItemRow>(ProfileSql.Items, new { Id = id }, ct);
        return ToResponse(row, items);
    }

    internal static ProfileResponse ToResponse(ProfileRow row, IEnumerable<ProfileItemRow> items) => new()
    {
        Id = row.Id, FrameworkId = row.FrameworkId, FrameworkVersionNo = row.FrameworkVersionNo, FrameworkStatus = row.FrameworkStatus,
        Name = row.Name, PostType = row.PostType, LevelFrom = row.LevelFrom, LevelTo = row.LevelTo,
        PostTitle = row.PostTitle.Length == 0 ? null : row.PostTitle, Version = row.Version, CreatedAt = row.CreatedAt, UpdatedAt = row.UpdatedAt,
        Items = items.Select(i => new ProfileItemResponse
        {
            CompetencyId = i.CompetencyId, CompetencyCode = i.CompetencyCode, NameZh = i.NameZh, NameEn = i.NameEn,
            RequiredLevel = i.RequiredLevel, Weight = i.Weight,
        }).ToList(),
    };
}
