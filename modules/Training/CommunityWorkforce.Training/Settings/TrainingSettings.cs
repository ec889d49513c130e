using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Training.Settings;

/// <summary>
/// The training numbers a city decides (DOMAIN.md: no national figure for annual hours): required hours per post type
/// (the city default for everyone else), the continuing-education rule of social-work registration, and the
/// certification target. One JSON document in <c>training_settings</c>; admin edits it.
/// </summary>
public sealed record TrainingSettings
{
    /// <summary>每年应修学时 — the city default.</summary>
    public decimal AnnualRequiredHours { get; init; } = 40;

    /// <summary>Per post type (head/deputy/staff); null: the city default.</summary>
    public decimal? HeadRequiredHours { get; init; }
    public decimal? DeputyRequiredHours { get; init; }
    public decimal? StaffRequiredHours { get; init; }

    /// <summary>Continuing education per 3-year registration period: assistant social worker.</summary>
    public decimal ContinuingEducationAssistantHours { get; init; } = 72;

    /// <summary>…social worker and senior social worker.</summary>
    public decimal ContinuingEducationHigherHours { get; init; } = 90;

    /// <summary>Share of workers holding a social-work certificate the city aims at (0–1).</summary>
    public decimal CertificationTargetRate { get; init; } = 0.5m;

    public int Version { get; init; }

    public decimal RequiredFor(string? postType) => postType switch
    {
        "head" => HeadRequiredHours ?? AnnualRequiredHours,
        "deputy" => DeputyRequiredHours ?? AnnualRequiredHours,
        "staff" => StaffRequiredHours ?? AnnualRequiredHours,
        _ => AnnualRequiredHours,
    };

}

internal static class TrainingSettingsSql
{
    public const string Get = "SELECT value AS Value, version AS Version FROM training_settings WHERE setting_key = 'training'";

    public const string Insert = "INSERT INTO training_settings (setting_key, value, version, updated_at) VALUES ('training', @Value, 1, @Now)";

    public const string Update = """
        UPDATE training_settings SET value = @Value, version = version + 1, updated_at = @Now WHERE setting_key = 'training' AND version = @Version
        """;
}

internal sealed class TrainingSettingsStore(DbSession db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Read once per request (a track asks for them twice); a save forgets it.</summary>
    private TrainingSettings? _read;

    public async Task<TrainingSettings> GetAsync(CancellationToken ct)
    {
        if (_read is not null)
        {
            return _read;
        }
        var row = await db.QuerySingleOrDefaultAsync<SettingsRow>(TrainingSettingsSql.Get, null, ct);
        return _read = row is null
            ? new TrainingSettings()
            : (JsonSerializer.Deserialize<TrainingSettings>(row.Value, Json) ?? new TrainingSettings()) with { Version = row.Version };
    }

    public async Task EnsureDefaultsAsync(CancellationToken ct)
    {
        if (await db.QuerySingleOrDefaultAsync<SettingsRow>(TrainingSettingsSql.Get, null, ct) is null)
        {
            await db.ExecuteAsync(TrainingSettingsSql.Insert, new { Value = JsonSerializer.Serialize(new TrainingSettings(), Json), Now = clock.GetUtcNow() }, ct);
        }
    }

    public async Task<bool> SaveAsync(TrainingSettings settings, int version, CancellationToken ct)
    {
        _read = null;
        return await db.ExecuteAsync(TrainingSettingsSql.Update, new
        {
            Value = JsonSerializer.Serialize(settings with { Version = 0 }, Json), Version = version, Now = clock.GetUtcNow(),
        }, ct) == 1;
    }

    private sealed class SettingsRow
    {
        public string Value { get; init; } = "";
        public int Version { get; init; }
    }
}

/// <summary>培训设置 — read by every role that plans training; changed by the administrator.</summary>
internal static class TrainingSettingsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/training/settings").WithTags("Training settings");
        group.MapGet("/", Get).RequireAuthorization(Policies.AnyRole).WithName("GetTrainingSettings");
        group.MapPut("/", Update).RequireAuthorization(Policies.Admin).WithName("UpdateTrainingSettings")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Ok<TrainingSettings>> Get(HttpContext http, TrainingSettingsStore store, CancellationToken ct)
    {
        var settings = await store.GetAsync(ct);
        ExpectedVersion.SetETag(http, settings.Version);
        return TypedResults.Ok(settings);
    }

    private static async Task<Results<Ok<TrainingSettings>, ValidationProblem, ProblemHttpResult>> Update(
        TrainingSettings request, HttpContext http, TrainingSettingsStore store, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, _, audit, _) = write;
        var expected = ExpectedVersion.From(http, request.Version == 0 ? null : request.Version);
        var validator = new Validator().Version(expected);
        void Hours(string field, decimal? value)
        {
            if (value is { } v && (v < 0 || v > 500))
            {
                validator.Add(field, Text.Of("学时应在 0 到 500 之间。", "Hours must be 0–500."));
            }
        }
        Hours("annualRequiredHours", request.AnnualRequiredHours);
        Hours("headRequiredHours", request.HeadRequiredHours);
        Hours("deputyRequiredHours", request.DeputyRequiredHours);
        Hours("staffRequiredHours", request.StaffRequiredHours);
        Hours("continuingEducationAssistantHours", request.ContinuingEducationAssistantHours);
        Hours("continuingEducationHigherHours", request.ContinuingEducationHigherHours);
        validator.Rule(request.CertificationTargetRate is >= 0 and <= 1, "certificationTargetRate",
            Text.Of("目标比例应在 0 到 1 之间。", "The target rate must be 0–1."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        if (!await store.SaveAsync(request, expected.Value!.Value, ct))
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("training.settings.updated", "training-settings", null, "/", request with { Version = 0 }), ct);
        await tx.CommitAsync(ct);
        var saved = await store.GetAsync(ct);
        ExpectedVersion.SetETag(http, saved.Version);
        return TypedResults.Ok(saved);
    }
}
