using System.Text.Json;

namespace CommunityWorkforce.CareerPath.Ladder;

internal static class LadderSql
{
    public const string InForce = """
        SELECT config AS Config, version AS Version, effective_from AS EffectiveFrom FROM career_ladder_versions
        WHERE effective_from = (SELECT MAX(effective_from) FROM career_ladder_versions WHERE effective_from <= @On)
        """;

    public const string Earliest = """
        SELECT config AS Config, version AS Version, effective_from AS EffectiveFrom FROM career_ladder_versions
        WHERE effective_from = (SELECT MIN(effective_from) FROM career_ladder_versions)
        """;

    public const string All = "SELECT config AS Config, version AS Version, effective_from AS EffectiveFrom FROM career_ladder_versions ORDER BY effective_from";

    public const string Versions = "SELECT effective_from AS EffectiveFrom, version AS Version, updated_at AS UpdatedAt FROM career_ladder_versions ORDER BY effective_from DESC";

    public const string Exists = "SELECT COUNT(*) FROM career_ladder_versions WHERE effective_from = @EffectiveFrom";

    public const string Insert = """
        INSERT INTO career_ladder_versions (id, effective_from, config, version, created_by, created_at, updated_at)
        VALUES (@Id, @EffectiveFrom, @Config, 1, @By, @Now, @Now)
        """;

    public const string Update = """
        UPDATE career_ladder_versions SET config = @Config, version = version + 1, updated_at = @Now
        WHERE effective_from = @EffectiveFrom AND version = @Version
        """;
}

/// <summary>The ladder versions: the one in force on a day, all of them (to compute history with the rules of its time).</summary>
internal sealed class LadderStore(DbSession db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The version in force on <paramref name="on"/>; before the first version, the first one.</summary>
    public async Task<LadderConfig> InForceAsync(DateOnly on, CancellationToken ct) =>
        Parse(await db.QuerySingleOrDefaultAsync<Row>(LadderSql.InForce, new { On = on }, ct)
            ?? await db.QuerySingleOrDefaultAsync<Row>(LadderSql.Earliest, null, ct))
        ?? LadderConfig.Default(new DateOnly(2000, 1, 1));

    public async Task<IReadOnlyList<LadderConfig>> AllAsync(CancellationToken ct) =>
        (await db.QueryAsync<Row>(LadderSql.All, null, ct)).Select(r => Parse(r)!).ToList();

    public Task<IReadOnlyList<LadderVersionSummary>> VersionsAsync(CancellationToken ct) =>
        db.QueryAsync<LadderVersionSummary>(LadderSql.Versions, null, ct);

    public async Task EnsureDefaultAsync(CancellationToken ct)
    {
        if (await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM career_ladder_versions", null, ct) == 0)
        {
            var ladder = LadderConfig.Default(new DateOnly(2000, 1, 1));
            await db.ExecuteAsync(LadderSql.Insert, new
            {
                Id = Guid.NewGuid(), ladder.EffectiveFrom, Config = Serialize(ladder), By = (string?)null, Now = clock.GetUtcNow(),
            }, ct);
        }
    }

    /// <summary>Inserts a new effective date (version 0) or updates that date's row at its version; false when stale.</summary>
    public async Task<bool> SaveAsync(LadderConfig ladder, string by, CancellationToken ct)
    {
        var exists = await db.ExecuteScalarAsync<int>(LadderSql.Exists, new { ladder.EffectiveFrom }, ct) > 0;
        if (ladder.Version == 0)
        {
            if (exists)
            {
                return false;
            }
            await db.ExecuteAsync(LadderSql.Insert, new
            {
                Id = Guid.NewGuid(), ladder.EffectiveFrom, Config = Serialize(ladder), By = by, Now = clock.GetUtcNow(),
            }, ct);
            return true;
        }
        return await db.ExecuteAsync(LadderSql.Update, new { ladder.EffectiveFrom, Config = Serialize(ladder), ladder.Version, Now = clock.GetUtcNow() }, ct) == 1;
    }

    private static string Serialize(LadderConfig ladder) => JsonSerializer.Serialize(ladder with { Version = 0 }, Json);

    private static LadderConfig? Parse(Row? row) => row is null
        ? null
        : JsonSerializer.Deserialize<LadderConfig>(row.Config, Json)! with { Version = row.Version, EffectiveFrom = row.EffectiveFrom };

    private sealed class Row
    {
        public string Config { get; init; } = "";
        public int Version { get; init; }
        public DateOnly EffectiveFrom { get; init; }
    }
}
