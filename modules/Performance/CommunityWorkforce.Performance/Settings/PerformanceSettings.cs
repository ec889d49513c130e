using System.ComponentModel.DataAnnotations;
using Validator = CommunityWorkforce.BuildingBlocks.Http.Validator;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Performance.Settings;

/// <summary>The appraisal numbers DOMAIN.md marks configurable, with the defaults the issue names.</summary>
public sealed record PerformanceSettings
{
    /// <summary>Resident ratings a worker needs in the period before the resident part counts (default 50).</summary>
    public int MinRatings { get; init; } = 50;

    /// <summary>Working days to rectify a bad review: 5 or 15 depending on the locality.</summary>
    public int RectificationWorkingDays { get; init; } = 5;

    /// <summary>Working days after publication during which a worker may appeal.</summary>
    public int AppealWorkingDays { get; init; } = 5;

    /// <summary>优秀 at most this share of a unit's participants, in percent (default 20).</summary>
    public int ExcellentQuotaPercent { get; init; } = 20;

    /// <summary>
    /// Where a worker who moved during the period is appraised: <c>most-days</c> (the unit where they spent most of the
    /// period) or <c>period-end</c> (where they were at its end).
    /// </summary>
    [Required, MaxLength(20)]
    public string MoverRule { get; init; } = MoverRules.MostDays;

    public int Version { get; init; }
}

public static class MoverRules
{
    public const string MostDays = "most-days";
    public const string PeriodEnd = "period-end";
    public static readonly IReadOnlyList<string> All = [MostDays, PeriodEnd];
}

internal static class PerformanceSettingsSql
{
    public const string Get = "SELECT value, version FROM performance_settings WHERE setting_key = 'performance'";

    public const string Insert = """
        INSERT INTO performance_settings (setting_key, value, version, updated_at)
        SELECT 'performance', @Value, 1, @Now WHERE NOT EXISTS (SELECT 1 FROM performance_settings WHERE setting_key = 'performance')
        """;

    public const string Update = """
        UPDATE performance_settings SET value = @Value, version = version + 1, updated_at = @Now
        WHERE setting_key = 'performance' AND version = @Version
        """;
}

internal sealed class PerformanceSettingsStore(DbSession db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PerformanceSettings> GetAsync(CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<SettingsRow>(PerformanceSettingsSql.Get, null, ct);
        return row is null
            ? new PerformanceSettings()
            : (JsonSerializer.Deserialize<PerformanceSettings>(row.Value, Json) ?? new PerformanceSettings()) with { Version = row.Version };
    }

    public Task EnsureDefaultsAsync(CancellationToken ct) => db.ExecuteAsync(PerformanceSettingsSql.Insert,
        new { Value = JsonSerializer.Serialize(new PerformanceSettings(), Json), Now = clock.GetUtcNow() }, ct);

    public async Task<bool> SaveAsync(PerformanceSettings settings, int version, CancellationToken ct) =>
        await db.ExecuteAsync(PerformanceSettingsSql.Update, new
        {
            Value = JsonSerializer.Serialize(settings with { Version = 0 }, Json), Now = clock.GetUtcNow(), Version = version,
        }, ct) == 1;

    private sealed class SettingsRow
    {
        public string Value { get; init; } = "";
        public int Version { get; init; }
    }
}

internal static class SettingsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/performance/settings").WithTags("Performance settings");
        group.MapGet("/", Get).RequireAuthorization(Policies.AnyRole).WithName("GetPerformanceSettings");
        group.MapPut("/", Put).RequireAuthorization(Policies.Admin).WithName("UpdatePerformanceSettings")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<PerformanceSettings>> Get(PerformanceSettingsStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.GetAsync(ct));

    private static async Task<Results<Ok<PerformanceSettings>, ValidationProblem, ProblemHttpResult>> Put(
        PerformanceSettings request, [AsParameters] WriteContext write, PerformanceSettingsStore store, CancellationToken ct)
    {
        var validator = new Validator()
            .Range("minRatings", request.MinRatings, 1, 10_000)
            .Rule(request.RectificationWorkingDays is 5 or 15, "rectificationWorkingDays",
                Text.Of("整改期限应为 5 或 15 个工作日。", "The rectification deadline is 5 or 15 working days."))
            .Range("appealWorkingDays", request.AppealWorkingDays, 1, 60)
            .Range("excellentQuotaPercent", request.ExcellentQuotaPercent, 1, 100)
            .OneOf("moverRule", request.MoverRule, MoverRules.All)
            .Rule(request.Version > 0, "version", Text.Of("必须提供版本号。", "The version read is required."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var (db, _, audit, _) = write;
        await using var tx = await db.BeginAsync(ct);
        if (!await store.SaveAsync(request, request.Version, ct))
        {
            return Problems.StaleVersion(false);
        }
        await audit.WriteAsync(new AuditEntry("performance.settings.updated", "settings", null, null, request with { Version = 0 }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await store.GetAsync(ct));
    }
}
