namespace CommunityWorkforce.Staffing.OrgUnits;

/// <summary>
/// The demo geography: Shanghai, the real 静安区 with its 13 streets and 1 town (statistical division codes),
/// and under 临汾路街道 its community affairs acceptance centre plus residents' committees whose names are
/// plausible demo data (flagged <c>is_demo</c>), not a claim about the real street.
/// </summary>
internal sealed class DemoOrgTree(DbSession db, AuditWriter audit, TimeProvider clock)
{
    public const string DemoStreetCode = "310106021";

    private static readonly (string Code, string Name)[] JinganStreets =
    [
        ("310106006", "江宁路街道"), ("310106011", "石门二路街道"), ("310106012", "南京西路街道"),
        ("310106013", "静安寺街道"), ("310106014", "曹家渡街道"), ("310106015", "天目西路街道"),
        ("310106016", "北站街道"), ("310106017", "宝山路街道"), ("310106018", "共和新路街道"),
        ("310106019", "大宁路街道"), ("310106020", "彭浦新村街道"), ("310106021", "临汾路街道"),
        ("310106022", "芷江西路街道"), ("310106100", "彭浦镇"),
    ];

    /// <summary>Demo residents' committees: plausible names, invented figures.</summary>
    private static readonly (string Code, string Name, int Households, int Population)[] DemoCommunities =
    [
        ("310106021001", "汾西路居民委员会", 2860, 6920),
        ("310106021002", "阳曲路居民委员会", 3410, 8150),
        ("310106021003", "闻喜路居民委员会", 1820, 4310),
        ("310106021004", "岭南路居民委员会", 4620, 11030),
        ("310106021005", "场中路居民委员会", 2240, 5380),
        ("310106021006", "保德路居民委员会", 3980, 9470),
        ("310106021007", "临汾路第一居民委员会", 3120, 7440),
        ("310106021008", "临汾路第二居民委员会", 2750, 6580),
        ("310106021009", "汶水路居民委员会", 3630, 8710),
        ("310106021010", "广中路居民委员会", 2480, 5930),
        ("310106021011", "平型关路居民委员会", 4180, 9960),
        ("310106021012", "寿阳路居民委员会", 1960, 4720),
        ("310106021013", "灵石路居民委员会", 3340, 8020),
        ("310106021014", "万荣路居民委员会", 2610, 6270),
        ("310106021015", "洛川中路居民委员会", 3870, 9240),
        ("310106021016", "乾溪路居民委员会", 2090, 5010),
    ];


    public async Task SeedAsync(CancellationToken ct)
    {
        await using var tx = await db.BeginAsync(ct);
        var city = await Ensure(null, "310000", "上海市", OrgLevels.City, null, null, false, ct);
        var district = await Ensure(city, "310106", "静安区", OrgLevels.District, null, null, false, ct);
        OrgUnitRow? demoStreet = null;
        foreach (var (code, name) in JinganStreets)
        {
            var street = await Ensure(district, code, name, OrgLevels.Street, null, null, false, ct);
            if (code == DemoStreetCode)
            {
                demoStreet = street;
            }
        }
        await Ensure(demoStreet, "310106021900", "临汾路街道社区事务受理服务中心", OrgLevels.Centre, null, null, false, ct);
        foreach (var (code, name, households, population) in DemoCommunities)
        {
            await Ensure(demoStreet, code, name, OrgLevels.Community, households, population, true, ct);
        }
        await tx.CommitAsync(ct);
    }

    private async Task<OrgUnitRow> Ensure(OrgUnitRow? parent, string code, string name, string level,
        int? households, int? population, bool isDemo, CancellationToken ct)
    {
        var existing = await db.QuerySingleOrDefaultAsync<OrgUnitRow>(OrgUnitSql.GetByCode, new { Code = code }, ct);
        if (existing is not null)
        {
            return existing;
        }
        var id = Guid.NewGuid();
        var path = OrgUnitRules.PathOf(parent?.Path, code);
        await db.ExecuteAsync(OrgUnitSql.Insert, new
        {
            Id = id, Code = code, Name = name, Level = level, ParentId = parent?.Id, Path = path,
            Depth = OrgUnitRules.DepthOf(path), Households = households, Population = population, IsDemo = isDemo,
            Now = clock.GetUtcNow(),
        }, ct);
        await audit.WriteAsync(new AuditEntry("staffing.org-unit.seeded", "org-unit", id, path, new { code, name, level }), ct);
        return (await db.QuerySingleOrDefaultAsync<OrgUnitRow>(OrgUnitSql.GetUnscoped, new { Id = id }, ct))!;
    }
}
