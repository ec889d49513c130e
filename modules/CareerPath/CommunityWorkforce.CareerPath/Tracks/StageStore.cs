using CommunityWorkforce.Staffing.Contracts;
using System.Text.Json;
using CommunityWorkforce.CareerPath.Ladder;

namespace CommunityWorkforce.CareerPath.Tracks;

internal static class StageSql
{
    private const string Columns = """
        code AS Code, track AS Track, name_zh AS NameZh, name_en AS NameEn, post_type AS PostType, sort_order AS SortOrder,
        criteria AS Criteria, version AS Version
        """;

    public const string All = "SELECT " + Columns + " FROM career_stages ORDER BY sort_order, code";

    public const string Get = "SELECT " + Columns + " FROM career_stages WHERE code = @Code";

    public const string Insert = """
        INSERT INTO career_stages (code, track, name_zh, name_en, post_type, sort_order, criteria, version, updated_at)
        VALUES (@Code, @Track, @NameZh, @NameEn, @PostType, @SortOrder, @Criteria, 1, @Now)
        """;

    public const string Update = """
        UPDATE career_stages SET track = @Track, name_zh = @NameZh, name_en = @NameEn, post_type = @PostType, sort_order = @SortOrder,
            criteria = @Criteria, version = version + 1, updated_at = @Now
        WHERE code = @Code AND version = @Version
        """;
}

/// <summary>The career-track stages and their criteria (data HR edits).</summary>
internal sealed class StageStore(DbSession db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<StageResponse>> AllAsync(CancellationToken ct) =>
        (await db.QueryAsync<Row>(StageSql.All, null, ct)).Select(ToResponse).ToList();

    public async Task<StageResponse?> FindAsync(string code, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<Row>(StageSql.Get, new { Code = code }, ct) is { } row ? ToResponse(row) : null;

    /// <summary>Creates the stage (version 0) or updates it at its version; false when stale or already there.</summary>
    public async Task<bool> SaveAsync(string code, SaveStageRequest s, CancellationToken ct)
    {
        var args = new
        {
            Code = code, s.Track, s.NameZh, s.NameEn, s.PostType, s.SortOrder, Criteria = JsonSerializer.Serialize(s.Criteria, Json), s.Version,
            Now = clock.GetUtcNow(),
        };
        if (s.Version == 0)
        {
            if (await FindAsync(code, ct) is not null)
            {
                return false;
            }
            await db.ExecuteAsync(StageSql.Insert, args, ct);
            return true;
        }
        return await db.ExecuteAsync(StageSql.Update, args, ct) == 1;
    }

    /// <summary>The stages a city starts with (Shanghai-style, 助理岗位 → 后备干部 → 副职 → 正职); HR changes them.</summary>
    public async Task EnsureDefaultsAsync(CancellationToken ct)
    {
        if ((await AllAsync(ct)).Count > 0)
        {
            return;
        }
        foreach (var (code, request) in Defaults)
        {
            await SaveAsync(code, request, ct);
        }
    }

    public static readonly IReadOnlyList<(string Code, SaveStageRequest Stage)> Defaults =
    [
        ("assistant", new SaveStageRequest
        {
            Track = TrackCodes.Business, NameZh = "助理岗位", NameEn = "Assistant post", PostType = PostTypes.Staff, SortOrder = 10,
            Criteria = new StageCriteria { MinYearsInCommunityWork = 1, MinTrainingHours = 20, RecentYears = 1, LowestGrade = "competent" },
        }),
        ("reserve", new SaveStageRequest
        {
            Track = TrackCodes.Management, NameZh = "后备干部", NameEn = "Reserve cadre", SortOrder = 20,
            Criteria = new StageCriteria
            {
                MinYearsInCommunityWork = 3, RecentYears = 3, LowestGrade = "competent", MinTrainingHours = 30, MaxAge = 45,
                Competencies = [new() { Code = "ability-organising", MinLevel = 3 }],
            },
        }),
        ("deputy", new SaveStageRequest
        {
            Track = TrackCodes.Management, NameZh = "副职（主管）", NameEn = "Deputy", PostType = PostTypes.Deputy, SortOrder = 30,
            Criteria = new StageCriteria
            {
                MinYearsInGrade = 2, MinYearsInCommunityWork = 5, RecentYears = 5, MinExcellent = 1, LowestGrade = "competent",
                MinTrainingHours = 40, MandatoryCompliance = true,
                Competencies = [new() { Code = "ability-organising", MinLevel = 3 }, new() { Code = "ability-policy-application", MinLevel = 3 }],
            },
        }),
        ("head", new SaveStageRequest
        {
            Track = TrackCodes.Leadership, NameZh = "正职（负责人）", NameEn = "Head", PostType = PostTypes.Head, SortOrder = 40,
            Criteria = new StageCriteria
            {
                MinYearsInGrade = 3, MinYearsInCommunityWork = 8, MinLevel = 7, RecentYears = 5, MinExcellent = 2, LowestGrade = "competent",
                MinTrainingHours = 40, MandatoryCompliance = true, SocialWorkLevel = "assistant", MaxAge = 55,
                Competencies = [new() { Code = "ability-organising", MinLevel = 4 }, new() { Code = "ability-policy-application", MinLevel = 3 }],
            },
        }),
    ];

    private static StageResponse ToResponse(Row r) => new()
    {
        Code = r.Code, Track = r.Track, NameZh = r.NameZh, NameEn = r.NameEn, PostType = r.PostType, SortOrder = r.SortOrder,
        Criteria = JsonSerializer.Deserialize<StageCriteria>(r.Criteria, Json) ?? new StageCriteria(), Version = r.Version,
    };

    private sealed class Row
    {
        public string Code { get; init; } = "";
        public string Track { get; init; } = "";
        public string NameZh { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string? PostType { get; init; }
        public int SortOrder { get; init; }
        public string Criteria { get; init; } = "";
        public int Version { get; init; }
    }
}
