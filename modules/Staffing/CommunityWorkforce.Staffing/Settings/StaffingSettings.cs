using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace CommunityWorkforce.Staffing.Settings;

/// <summary>
/// The numbers that differ between cities (DOMAIN.md marks them configurable), with Shanghai defaults.
/// Stored as one JSON document in <c>staffing_settings</c>; admin edits it through the API.
/// </summary>
public sealed record StaffingSettings
{
    /// <summary>Years in the same post after which a worker is due for rotation (轮岗).</summary>
    public int RotationThresholdYears { get; init; } = 5;

    /// <summary><c>population</c>: N workers per 10,000 residents; <c>households</c>: the household tiers below.</summary>
    [Required, MaxLength(20)]
    public string NormMethod { get; init; } = "population";

    public int NormPerTenThousandResidents { get; init; } = 18;

    /// <summary>Below <see cref="NormBaseHouseholds"/> households a community gets <see cref="NormBaseStaff"/> staff.</summary>
    public int NormBaseStaff { get; init; } = 3;
    public int NormBaseHouseholds { get; init; } = 2000;

    /// <summary>+1 per this many households up to <see cref="NormStepUntilHouseholds"/>…</summary>
    public int NormStepHouseholds { get; init; } = 1000;
    public int NormStepUntilHouseholds { get; init; } = 5000;

    /// <summary>…then +1 per this many.</summary>
    public int NormStepAfterHouseholds { get; init; } = 500;

    /// <summary>Names of the three post types (三岗); Shanghai: 负责人 / 主管 / 工作人员.</summary>
    [Required, MaxLength(20)]
    public string PostTypeHeadName { get; init; } = "负责人";
    [Required, MaxLength(20)]
    public string PostTypeDeputyName { get; init; } = "主管";
    [Required, MaxLength(20)]
    public string PostTypeStaffName { get; init; } = "工作人员";

    public int Version { get; init; }
}

internal static class StaffingSettingsSql
{
    public const string Get = "SELECT value, version FROM staffing_settings WHERE setting_key = 'staffing'";

    public const string Insert = """
        INSERT INTO staffing_settings (setting_key, value, version, updated_at) VALUES ('staffing', @Value, 1, @Now)
        """;

    public const string Update = """
        UPDATE staffing_settings SET value = @Value, version = version + 1, updated_at = @Now
        WHERE setting_key = 'staffing' AND version = @Version
        """;
}

internal sealed class StaffingSettingsStore(DbSession db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<StaffingSettings> GetAsync(CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<SettingsRow>(StaffingSettingsSql.Get, null, ct);
        return row is null
            ? new StaffingSettings()
            : (JsonSerializer.Deserialize<StaffingSettings>(row.Value, Json) ?? new StaffingSettings()) with { Version = row.Version };
    }

    public async Task EnsureDefaultsAsync(CancellationToken ct)
    {
        if (await db.QuerySingleOrDefaultAsync<SettingsRow>(StaffingSettingsSql.Get, null, ct) is null)
        {
            await db.ExecuteAsync(StaffingSettingsSql.Insert,
                new { Value = JsonSerializer.Serialize(new StaffingSettings(), Json), Now = clock.GetUtcNow() }, ct);
        }
    }

    /// <summary>False when <paramref name="version"/> is stale.</summary>
    public async Task<bool> SaveAsync(StaffingSettings settings, int version, CancellationToken ct) =>
        await db.ExecuteAsync(StaffingSettingsSql.Update, new
        {
            Value = JsonSerializer.Serialize(settings with { Version = 0 }, Json),
            Version = version,
            Now = clock.GetUtcNow(),
        }, ct) == 1;

    private sealed class SettingsRow
    {
        public string Value { get; init; } = "";
        public int Version { get; init; }
    }
}
