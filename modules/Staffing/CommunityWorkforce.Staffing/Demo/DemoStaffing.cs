using CommunityWorkforce.Staffing.Headcount;
using CommunityWorkforce.Staffing.OrgUnits;
using CommunityWorkforce.Staffing.Postings;
using CommunityWorkforce.Staffing.Posts;
using CommunityWorkforce.Staffing.Rotations;
using CommunityWorkforce.Staffing.Settings;
using CommunityWorkforce.Staffing.Workers;

namespace CommunityWorkforce.Staffing.Demo;

/// <summary>
/// Demo roster for 临汾路街道: posts with quotas in every community and the acceptance centre, about 300 invented
/// workers (valid-format ID numbers with area code 310106) with postings history, some due for rotation, some
/// rotation requests waiting for the leader. Deterministic (fixed random seed) and idempotent.
/// </summary>
internal sealed class DemoStaffing(DbSession db, WorkerWriter writer, PostingService postings, StaffingSettingsStore settings,
    TimeProvider clock)
{
    /// <summary>The worker the demo worker account is linked to (汾西路居民委员会).</summary>
    public const string DemoWorkerStaffNo = "CW000001";

    private const string AnyWorker = "SELECT COUNT(*) FROM staffing_workers";
    private const string UnitsUnder = """
        SELECT id, code, name, level, path, households, population FROM staffing_org_units
        WHERE path LIKE @Path AND level IN ('community', 'centre') AND status = 'active' ORDER BY code
        """;
    private const string InsertEndedPosting = """
        INSERT INTO staffing_postings (id, worker_id, post_id, started_on, ended_on, reason, end_reason, is_primary, version, created_at, updated_at)
        VALUES (@Id, @WorkerId, @PostId, @StartedOn, @EndedOn, 'hire', 'rotation', 1, 1, @Now, @Now)
        """;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "沈", "顾", "陆", "钱", "汤", "蒋", "姚", "严", "曹", "金"];
    private static readonly string[] GivenMale = ["伟", "强", "磊", "军", "杰", "涛", "斌", "超", "明", "俊", "浩", "建华", "志强", "国平", "海峰", "文博", "晓东", "建国", "立新", "宇航"];
    private static readonly string[] GivenFemale = ["敏", "静", "丽", "艳", "娟", "霞", "婷", "雪", "琳", "颖", "慧", "秀英", "桂兰", "晓燕", "丽华", "佳怡", "雨欣", "思琪", "文静", "美玲"];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(AnyWorker, null, ct) > 0)
        {
            return;
        }
        var config = await settings.GetAsync(ct);
        var street = await db.QuerySingleOrDefaultAsync<OrgUnitRow>(OrgUnitSql.GetByCode, new { Code = DemoOrgTree.DemoStreetCode }, ct);
        if (street is null)
        {
            return;
        }
        var random = new Random(20261126);
        var today = LocalDate.Today(clock);
        var now = clock.GetUtcNow();
        var units = await db.QueryAsync<UnitRow>(UnitsUnder, new { Path = street.Path + "%" }, ct);
        // The demo worker's community comes first so that it receives staff number CW000001.
        var ordered = units.OrderBy(u => u.Code == "310106021001" ? 0 : 1).ThenBy(u => u.Code).ToList();

        var posts = new List<(Guid Id, UnitRow Unit, string Title, string Type, int Quota)>();
        foreach (var unit in ordered)
        {
            var defs = unit.Level == OrgLevels.Centre
                ? new[] { ("中心主任", PostTypes.Head, 1), ("中心副主任", PostTypes.Deputy, 2), ("受理中心窗口人员", PostTypes.Staff, 36) }
                : new[]
                {
                    ("社区党组织书记", PostTypes.Head, 1), ("居委会主任", PostTypes.Head, 1), ("居委会副主任", PostTypes.Deputy, 2),
                    ("社区专职工作者", PostTypes.Staff, Math.Max(4, (StaffingNorm.For(unit.Households, unit.Population, config) ?? 10) - 2)),
                };
            foreach (var (title, type, quota) in defs)
            {
                var id = Guid.NewGuid();
                await db.ExecuteAsync(PostSql.Insert, new { Id = id, OrgUnitId = unit.Id, PostType = type, Title = title, Quota = quota, Now = now }, ct);
                posts.Add((id, unit, title, type, quota));
            }
        }

        var sequence = 100;
        var current = new List<(Guid WorkerId, Guid PostingId, UnitRow Unit, DateOnly StartedOn)>();
        foreach (var post in posts.OrderBy(p => p.Unit.Code == "310106021001" ? 0 : 1).ThenBy(p => p.Unit.Code).ThenBy(p => p.Type == PostTypes.Staff ? 0 : 1))
        {
            // Most posts are full or nearly; 汾西路 and the centre's window staff are exactly full (for the "full post" demo).
            var fill = post.Type == PostTypes.Staff && post.Unit.Code != "310106021001" && post.Unit.Level != OrgLevels.Centre
                ? post.Quota - random.Next(0, 3)
                : post.Quota;
            for (var i = 0; i < fill; i++)
            {
                var male = random.Next(100) < 35;
                var birth = new DateOnly(random.Next(1967, 2001), random.Next(1, 13), random.Next(1, 29));
                var idNumber = NextIdNumber(birth, male, ref sequence);
                var hire = new DateOnly(Math.Max(birth.Year + 21, random.Next(2008, 2026)), random.Next(1, 13), random.Next(1, 29));
                if (hire > today)
                {
                    hire = today.AddMonths(-random.Next(1, 12));
                }
                var serviceStart = random.Next(100) < 20 ? hire.AddYears(-random.Next(1, 5)) : hire;
                var name = Surnames[random.Next(Surnames.Length)] + (male ? GivenMale : GivenFemale)[random.Next(20)];
                CitizenId.TryParse(idNumber, out var citizen, out _);
                var workerId = await writer.InsertAsync(new NewWorker(null, name, citizen, random.Next(100) < 96 ? "01" : "03",
                    PickPolitical(random, post.Type), PickEducation(random), "13" + random.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    hire, serviceStart, post.Unit.Id, IsDemo: true), post.Unit.Path, ct);

                // A third changed post once: an ended first posting elsewhere, then the current one.
                var startedOn = hire;
                if (random.Next(100) < 33 && (today.DayNumber - hire.DayNumber) > 3 * 365)
                {
                    var earlier = posts[random.Next(posts.Count)];
                    startedOn = hire.AddDays(random.Next(365, Math.Max(366, today.DayNumber - hire.DayNumber - 200)));
                    await db.ExecuteAsync(InsertEndedPosting, new
                    {
                        Id = Guid.NewGuid(), WorkerId = workerId, PostId = earlier.Id, StartedOn = hire, EndedOn = startedOn.AddDays(-1), Now = now,
                    }, ct);
                }
                var (postingId, _) = await postings.StartAsync(workerId, post.Id, startedOn,
                    startedOn == hire ? PostingReasons.Hire : PostingReasons.Rotation, true, post.Unit.Path, ct);
                current.Add((workerId, postingId!.Value, post.Unit, startedOn));
            }
        }

        // Rotation requests waiting for the leader, and one draft, for workers long in their post.
        var due = current.Where(c => c.StartedOn <= today.AddYears(-config.RotationThresholdYears)).Take(6).ToList();
        var staffPosts = posts.Where(p => p.Type == PostTypes.Staff && p.Unit.Level == OrgLevels.Community).ToList();
        for (var i = 0; i < due.Count; i++)
        {
            var target = staffPosts.First(p => p.Unit.Id != due[i].Unit.Id && p.Unit.Code != "310106021001" && staffPosts.IndexOf(p) >= i);
            var submitted = i < 5;
            await db.ExecuteAsync(RotationSql.Insert, new
            {
                Id = Guid.NewGuid(), due[i].WorkerId, FromPostingId = due[i].PostingId, ToPostId = target.Id,
                Reason = "任职满五年，按规定轮岗交流（演示数据）", ProposedOn = today.AddDays(30 + i),
                Status = submitted ? RotationStatus.Submitted : RotationStatus.Draft, RequestedBy = (Guid?)null,
                RequestedByName = "临汾路街道人事专员（演示）", RequestedRole = "hr", SubmittedAt = submitted ? now : (DateTimeOffset?)null, Now = now,
            }, ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>A valid GB 11643 number for Jing'an (310106): birth date, an odd (male) or even (female) sequence, check.</summary>
    private static string NextIdNumber(DateOnly birth, bool male, ref int sequence)
    {
        sequence++;
        if (sequence % 2 == (male ? 0 : 1))
        {
            sequence++;
        }
        var first17 = "310106" + birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + (sequence % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + CitizenId.CheckCharacter(first17);
    }

    private static string PickPolitical(Random random, string postType) => postType == PostTypes.Head || random.Next(100) < 45 ? "01"
        : random.Next(100) < 30 ? "03" : "13";

    private static string PickEducation(Random random) => random.Next(100) switch
    {
        < 8 => "14",
        < 58 => "21",
        < 90 => "31",
        _ => "61",
    };

    private sealed class UnitRow
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Level { get; init; } = "";
        public string Path { get; init; } = "";
        public int? Households { get; init; }
        public int? Population { get; init; }
    }
}
