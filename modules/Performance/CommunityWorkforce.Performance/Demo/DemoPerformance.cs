using System.Globalization;
using System.Text.Json;
using CommunityWorkforce.Performance.Cycles;
using CommunityWorkforce.Performance.Ratings;
using CommunityWorkforce.Performance.Templates;

namespace CommunityWorkforce.Performance.Demo;

internal static class DemoSql
{
    public const string AnyCycle = "SELECT COUNT(*) FROM performance_cycles";

    public const string CentreStaff = "SELECT staff_no FROM staffing_v_worker_scope WHERE org_unit_id = @Id ORDER BY staff_no";

    public const string SetInputs = """
        UPDATE performance_participants SET street_score = @StreetScore, peer_score = @PeerScore, kpi_actuals = @KpiActuals WHERE id = @Id
        """;

    public const string SetStatus = """
        UPDATE performance_cycles SET status = @Status, published_on = @PublishedOn, appeal_deadline = @AppealDeadline WHERE id = @Id
        """;

    public const string Participants = "SELECT id, worker_id, staff_no, post_type FROM performance_participants WHERE cycle_id = @CycleId ORDER BY staff_no";

    public const string FileAppeal = """
        UPDATE performance_participants SET appeal_status = 'filed', appeal_reason = @Reason, appeal_filed_at = @Now WHERE id = @Id
        """;

    public const string CloseOldCases = """
        UPDATE performance_rectifications SET status = 'closed', return_visit = '已电话回访居民，说明情况并致歉。',
            outcome = '已完成整改：补正材料、当场办结，居民表示认可。', closed_on = due_on
        WHERE status = 'open' AND due_on < @Before
          AND rating_id IN (SELECT r.id FROM performance_ratings r WHERE r.external_id NOT LIKE '%7')
        """;
}

/// <summary>
/// Demo appraisal data for 临汾路街道: templates per post type; last year's annual cycle closed; the quarter before last
/// published (its appeal window open, one appeal filed); last quarter calibrating; this year's annual cycle collecting;
/// resident ratings of the acceptance centre's window staff and the demo worker, with the bad ones' rectification cases
/// (most closed, some overdue, the recent ones open). Deterministic and idempotent.
/// </summary>
internal sealed class DemoPerformance(DbSession db, IOrgUnitDirectory units, CycleEngine engine, RatingIngest ingest, TimeProvider clock)
{
    private const string DemoStreetCode = "310106021";
    private const string CentreCode = "310106021900";
    private const string DemoStaffNo = "CW000001";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] ServiceItems = ["居住证办理", "社保卡申领", "老年综合津贴", "医保参保登记", "残疾人证办理", "生育登记", "就业登记", "低保申请"];

    public async Task SeedAsync(CancellationToken ct)
    {
        var street = await units.FindByCodeAsync(DemoStreetCode, ct);
        if (street is null)
        {
            return;
        }
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(DemoSql.AnyCycle, null, ct) > 0)
        {
            return;
        }
        var random = new Random(20261201);
        var today = LocalDate.Today(clock);
        var now = clock.GetUtcNow();
        await Templates(street, now, ct);

        var lastQuarterEnd = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddDays(-1);
        var lastQuarterStart = lastQuarterEnd.AddDays(1).AddMonths(-3);
        var previousQuarterStart = lastQuarterStart.AddMonths(-3);

        await Ratings(previousQuarterStart, today, random, ct);
        await db.ExecuteAsync(DemoSql.CloseOldCases, new { Before = today.AddDays(-20) }, ct);

        var annualLast = await Cycle(street, $"{today.Year - 1}年度社区工作者考核", CycleKinds.Annual, today.Year - 1, null, now, ct);
        await Fill(annualLast, random, 1.0, ct, differentiated: true);
        await engine.ScoreAsync(annualLast, propose: true, ct);
        await SetStatus(annualLast, CycleStatus.Closed, new DateOnly(today.Year, 1, 20), new DateOnly(today.Year, 1, 27), ct);

        var published = await Cycle(street, $"{previousQuarterStart.Year}年第{Quarter(previousQuarterStart)}季度考核", CycleKinds.Quarterly,
            previousQuarterStart.Year, Quarter(previousQuarterStart), now, ct);
        await Fill(published, random, 1.0, ct, differentiated: true);
        await engine.ScoreAsync(published, propose: true, ct);
        await SetStatus(published, CycleStatus.Published, today.AddDays(-1), today.AddDays(6), ct);
        var appellant = (await db.QueryAsync<ParticipantSeed>(DemoSql.Participants, new { CycleId = published.Id }, ct)).First(p => p.StaffNo != DemoStaffNo);
        await db.ExecuteAsync(DemoSql.FileAppeal, new { appellant.Id, Reason = "本季度承担了两次专项排查任务，德能勤绩廉评分未体现，申请复核。", Now = now }, ct);

        var calibrating = await Cycle(street, $"{lastQuarterStart.Year}年第{Quarter(lastQuarterStart)}季度考核", CycleKinds.Quarterly,
            lastQuarterStart.Year, Quarter(lastQuarterStart), now, ct);
        await Fill(calibrating, random, 1.0, ct, differentiated: true);
        await engine.ScoreAsync(calibrating, propose: true, ct);
        await SetStatus(calibrating, CycleStatus.Calibrating, null, null, ct);

        var running = await Cycle(street, $"{today.Year}年度社区工作者考核", CycleKinds.Annual, today.Year, null, now, ct);
        await Fill(running, random, 0.6, ct);
        await SetStatus(running, CycleStatus.Collecting, null, null, ct);
        await tx.CommitAsync(ct);
    }

    private static int Quarter(DateOnly start) => (start.Month - 1) / 3 + 1;

    private async Task Templates(OrgUnitInfo street, DateTimeOffset now, CancellationToken ct)
    {
        var definitions = new (string PostType, string Name, int Department, IndicatorDto[] Indicators)[]
        {
            (PostTypes.Staff, "社区工作人员考核模板", 10,
            [
                new() { Code = "street", Kind = IndicatorKinds.Street, Name = "街道德能勤绩廉考核", Weight = 25 },
                new() { Code = "peer", Kind = IndicatorKinds.Peer, Name = "同事互评", Weight = 10 },
                new() { Code = "resident", Kind = IndicatorKinds.Resident, Name = "居民满意度（好差评）", Weight = 45 },
                new() { Code = "cases", Kind = IndicatorKinds.Kpi, Name = "受理办结事项（件）", Weight = 10, Target = 300, Rule = KpiRules.HigherBetter },
            ]),
            (PostTypes.Deputy, "社区主管考核模板", 15,
            [
                new() { Code = "street", Kind = IndicatorKinds.Street, Name = "街道德能勤绩廉考核", Weight = 35 },
                new() { Code = "peer", Kind = IndicatorKinds.Peer, Name = "同事互评", Weight = 10 },
                new() { Code = "resident", Kind = IndicatorKinds.Resident, Name = "居民满意度（好差评）", Weight = 30 },
                new() { Code = "complaints", Kind = IndicatorKinds.Kpi, Name = "有效投诉（件）", Weight = 10, Target = 2, Rule = KpiRules.LowerBetter },
            ]),
            (PostTypes.Head, "社区负责人考核模板", 20,
            [
                new() { Code = "street", Kind = IndicatorKinds.Street, Name = "街道德能勤绩廉考核", Weight = 40 },
                new() { Code = "peer", Kind = IndicatorKinds.Peer, Name = "同事互评", Weight = 10 },
                new() { Code = "resident", Kind = IndicatorKinds.Resident, Name = "居民满意度（好差评）", Weight = 30 },
            ]),
        };
        foreach (var (postType, name, department, indicators) in definitions)
        {
            await db.ExecuteAsync(TemplateSql.Insert, new
            {
                Id = Guid.NewGuid(), OrgUnitId = street.Id, OrgPath = street.Path, PostType = postType, Name = name, DepartmentShare = department,
                Indicators = JsonSerializer.Serialize(indicators, Json), Now = now,
            }, ct);
        }
    }

    private async Task<CycleRow> Cycle(OrgUnitInfo street, string name, string kind, int year, int? quarter, DateTimeOffset now, CancellationToken ct)
    {
        var (start, end) = quarter is { } q
            ? (new DateOnly(year, (q - 1) * 3 + 1, 1), new DateOnly(year, (q - 1) * 3 + 1, 1).AddMonths(3).AddDays(-1))
            : (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var id = Guid.NewGuid();
        await db.ExecuteAsync(CycleSql.Insert, new
        {
            Id = id, Name = name, Kind = kind, Year = year, Quarter = quarter, OrgUnitId = street.Id, OrgPath = street.Path, PeriodStart = start,
            PeriodEnd = end, EntryDeadline = end.AddDays(15), CalibrationDeadline = end.AddDays(25), ExcellentQuotaPercent = 20,
            MoverRule = Settings.MoverRules.MostDays, Now = now,
        }, ct);
        var cycle = (await db.QuerySingleOrDefaultAsync<CycleRow>(CycleSql.ById, new { Id = id }, ct))!;
        await engine.BuildParticipantsAsync(cycle, ct);
        return cycle;
    }

    /// <summary>
    /// Assessments for a share of the participants (the demo worker always has theirs, and an ordinary one). In a
    /// <paramref name="differentiated"/> cycle about one in twelve others is a top performer (high assessments, KPIs at or above
    /// target: a score of 90 or more, so the proposal names 优秀 up to each unit's quota) and a few are weak (基本合格, the odd
    /// 不合格), so that the calibration board and the results show a real distribution.
    /// </summary>
    private async Task Fill(CycleRow cycle, Random random, double share, CancellationToken ct, bool differentiated = false)
    {
        foreach (var p in await db.QueryAsync<ParticipantSeed>(DemoSql.Participants, new { CycleId = cycle.Id }, ct))
        {
            var filled = p.StaffNo == DemoStaffNo || random.NextDouble() < share;
            var roll = differentiated && p.StaffNo != DemoStaffNo ? random.Next(0, 100) : 50;
            var (street, peer, cases, complaints) = roll switch
            {
                < 8 => (93 + random.Next(0, 7), 92 + random.Next(0, 8), 300 + random.Next(0, 60), 0),
                < 11 => (46 + random.Next(0, 10), 50 + random.Next(0, 10), 140 + random.Next(0, 40), 5 + random.Next(0, 3)),
                < 12 => (30 + random.Next(0, 8), 40 + random.Next(0, 8), 100 + random.Next(0, 30), 8),
                _ => (72 + random.Next(0, 27), 70 + random.Next(0, 29), 220 + random.Next(0, 120), random.Next(0, 4)),
            };
            var kpis = p.PostType switch
            {
                PostTypes.Staff => new Dictionary<string, decimal> { ["cases"] = cases },
                PostTypes.Deputy => new Dictionary<string, decimal> { ["complaints"] = complaints },
                _ => new Dictionary<string, decimal>(),
            };
            if (filled)
            {
                await db.ExecuteAsync(DemoSql.SetInputs, new { p.Id, StreetScore = (double)street, PeerScore = (double)peer, KpiActuals = CycleEngine.KpiJson(kpis) }, ct);
            }
        }
    }

    private Task SetStatus(CycleRow cycle, string status, DateOnly? publishedOn, DateOnly? appealDeadline, CancellationToken ct) =>
        db.ExecuteAsync(DemoSql.SetStatus, new { cycle.Id, Status = status, PublishedOn = publishedOn, AppealDeadline = appealDeadline }, ct);

    /// <summary>About 70 ratings per window worker of the acceptance centre and the demo worker, a few of them bad.</summary>
    private async Task Ratings(DateOnly from, DateOnly today, Random random, CancellationToken ct)
    {
        var centre = await units.FindByCodeAsync(CentreCode, ct);
        var staff = new List<string> { DemoStaffNo };
        if (centre is not null)
        {
            staff.AddRange(await db.QueryAsync<string>(DemoSql.CentreStaff, new { centre.Id }, ct));
        }
        var items = new List<(int, RatingItem)>();
        var span = today.DayNumber - from.DayNumber;
        var n = 0;
        foreach (var staffNo in staff.Distinct())
        {
            var count = 60 + random.Next(0, 25);
            for (var i = 0; i < count; i++)
            {
                var roll = random.Next(0, 100);
                var level = roll < 62 ? 5 : roll < 86 ? 4 : roll < 95 ? 3 : roll < 98 ? 2 : 1;
                var day = DateOnly.FromDayNumber(from.DayNumber + random.Next(0, Math.Max(1, span)));
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9 + random.Next(0, 8), random.Next(0, 60))), TimeSpan.FromHours(8));
                n++;
                items.Add((n, new RatingItem
                {
                    Id = "DEMO-HCP-" + n.ToString("D6", CultureInfo.InvariantCulture), StaffNo = staffNo,
                    ServiceItem = ServiceItems[random.Next(0, ServiceItems.Length)], Level = level, RatedAt = at,
                    SubScores = new Dictionary<string, int> { ["服务态度"] = Math.Min(5, level + random.Next(0, 2)), ["办事效率"] = level },
                    Comment = level <= 2 ? "等候时间较长，材料要求没有一次性告知。" : null,
                }));
            }
        }
        await ingest.IngestAsync(items, "/%", "demo", ct);
    }

    private sealed class ParticipantSeed
    {
        public Guid Id { get; init; }
        public Guid WorkerId { get; init; }
        public string StaffNo { get; init; } = "";
        public string PostType { get; init; } = "";
    }
}
