using CommunityWorkforce.BuildingBlocks.Data;

namespace CommunityWorkforce.CompetencyFramework.Certifications;

/// <summary>The default 全岗通 service lines (reference data, seeded once; administrators add more as data).</summary>
internal sealed class ServiceLineSeed(DbSession db, TimeProvider clock)
{
    private const string AnyLine = "SELECT COUNT(*) FROM competency_service_lines";

    public static readonly (string Code, string Zh, string En)[] Defaults =
    [
        ("civil-affairs", "民政", "Civil affairs"), ("elderly-care", "养老服务", "Elderly care"), ("party-building", "党建", "Party-building"),
        ("mediation", "人民调解", "Mediation"), ("public-security", "平安建设", "Public security"), ("family-services", "家庭服务", "Family services"),
        ("employment", "就业与社保", "Employment and social security"), ("disability", "残疾人服务", "Disability services"), ("health", "卫生健康", "Health"),
    ];

    public async Task EnsureAsync(CancellationToken ct)
    {
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(AnyLine, null, ct) > 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        await db.ExecuteAsync(CertificationSql.InsertLine, Defaults.Select((l, i) => new
        {
            Id = Guid.NewGuid(), l.Code, NameZh = l.Zh, NameEn = l.En, SortOrder = i + 1, Now = now,
        }).ToList(), ct);
        await tx.CommitAsync(ct);
    }
}
