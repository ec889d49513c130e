using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.CompetencyFramework.Assessments;
using CommunityWorkforce.CompetencyFramework.Campaigns;
using CommunityWorkforce.CompetencyFramework.Certifications;
using CommunityWorkforce.CompetencyFramework.Frameworks;
using CommunityWorkforce.CompetencyFramework.Profiles;
using CommunityWorkforce.Staffing.Contracts;

namespace CommunityWorkforce.CompetencyFramework.Demo;

/// <summary>
/// Demo competency data for 临汾路街道, read through Staffing's published views: requirement profiles for the demo
/// posts on the default framework, last year's campaign finalised for every worker (worker.demo, CW000001, included),
/// this year's campaign running in two communities, and 全岗通 certifications with gaps (uncovered lines, single points
/// of failure, expired, failed, expiring soon). Deterministic (fixed random seed) and idempotent.
/// </summary>
internal sealed class DemoCompetency(DbSession db, TimeProvider clock)
{
    public const string DemoStreetCode = "310106021";
    public const string DemoWorkerCommunityCode = "310106021001";

    private const string AnyCampaign = "SELECT COUNT(*) FROM competency_campaigns";

    private const string Street = "SELECT id, code, name, level, path, parent_id FROM staffing_v_org_units WHERE code = @Code";

    private const string Workers = """
        SELECT ws.worker_id, ws.staff_no, ws.org_unit_id, ws.org_path, u.code AS unit_code, u.level AS unit_level, cp.post_type, cp.post_title
        FROM staffing_v_worker_scope ws
        JOIN staffing_v_org_units u ON u.id = ws.org_unit_id
        JOIN staffing_v_current_postings cp ON cp.worker_id = ws.worker_id AND cp.is_primary = 1
        WHERE {scope:ws.org_path} AND ws.status = 'active'
        ORDER BY ws.staff_no
        """;

    private const string LatestPublished = """
        SELECT id FROM competency_frameworks WHERE code = @Code AND status = 'published' ORDER BY version_no DESC {page}
        """;

    private const string MarkSubmitted = """
        UPDATE competency_assessments SET self_submitted_at = @SelfAt, supervisor_submitted_at = @SupervisorAt, supervisor_name = @SupervisorName
        WHERE id = @Id
        """;

    private const string SetScore = """
        UPDATE competency_assessment_scores SET self_level = @SelfLevel, self_evidence = @SelfEvidence, supervisor_level = @SupervisorLevel,
            supervisor_evidence = @SupervisorEvidence
        WHERE assessment_id = @AssessmentId AND competency_id = @CompetencyId
        """;

    private const string MarkFinalised = """
        UPDATE competency_assessments SET status = 'finalised', finalised_at = @Now, finalised_by = 'hr.linfen', version = version + 1
        WHERE id = @Id
        """;

    private const string CloseCampaign = "UPDATE competency_campaigns SET status = 'closed', version = version + 1 WHERE id = @Id";

    private static readonly string[] Evidence =
    [
        "走访独居老人，建立台账并跟进（演示）", "牵头组织楼组议事会，协调解决停车矛盾（演示）", "疫情防控期间参与应急值守（演示）",
        "熟练使用“一网通办”为居民代办事项（演示）", "对低保复核政策解读清楚，居民满意（演示）",
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(AnyCampaign, null, ct) > 0)
        {
            return;
        }
        var street = await db.QuerySingleOrDefaultAsync<Scope.UnitRef>(Street, new { Code = DemoStreetCode }, ct);
        var frameworkId = await db.QuerySingleOrDefaultAsync<Guid?>(LatestPublished, new { Code = DefaultFramework.Code, Skip = 0, Take = 1 }, ct);
        if (street is null || frameworkId is null)
        {
            return;
        }
        var workers = await db.QueryAsync<DemoWorker>(Workers, new { Scope = street.Path + "%" }, ct);
        if (workers.Count == 0)
        {
            return;
        }
        var random = new Random(20261201);
        var now = clock.GetUtcNow();
        var today = LocalDate.Today(clock);
        var competencies = await db.QueryAsync<CompetencyRow>(FrameworkSql.Competencies, new { Id = frameworkId }, ct);
        var profiles = await SeedProfilesAsync(frameworkId.Value, competencies, now, ct);

        // Last year's campaign: every worker of the street, finalised and closed.
        var lastYear = today.Year - 1;
        var finished = await CampaignAsync($"{lastYear}年度社区工作者能力测评（演示）", frameworkId.Value, street, PostTypes.All,
            new DateOnly(lastYear, 1, 1), new DateOnly(lastYear, 12, 31), new DateOnly(today.Year, 1, 20), workers, profiles, now, ct);
        foreach (var (assessmentId, worker, _) in finished)
        {
            var profile = profiles.GetValueOrDefault(worker.PostType);
            await ScoreAsync(assessmentId, competencies, profile, random, self: true, supervisor: true, now.AddDays(-300), ct);
            await db.ExecuteAsync(MarkFinalised, new { Id = assessmentId, Now = now.AddDays(-300) }, ct);
            var args = new { Id = assessmentId, worker.WorkerId, ProfileId = profile?.Id, Weight = 100, Today = today.AddDays(-300) };
            await db.ExecuteAsync(AssessmentSql.SetFinalLevels, args, ct);
            await db.ExecuteAsync(AssessmentSql.DeleteWorkerLevels, args, ct);
            await db.ExecuteAsync(AssessmentSql.InsertWorkerLevels, args, ct);
            await db.ExecuteAsync(AssessmentSql.DeleteWorkerGaps, args, ct);
            double? fit = null;
            if (profile is not null)
            {
                await db.ExecuteAsync(AssessmentSql.InsertWorkerGaps, args, ct);
                fit = Math.Round(await db.ExecuteScalarAsync<double>(AssessmentSql.FitOfWorker, args, ct), 1);
            }
            await db.ExecuteAsync(AssessmentSql.SetFit, new { Id = assessmentId, Fit = fit }, ct);
            await db.ExecuteAsync(AssessmentSql.DeleteWorkerFit, args, ct);
            await db.ExecuteAsync(AssessmentSql.InsertWorkerFit, new { Id = assessmentId, worker.WorkerId, ProfileId = profile?.Id, Fit = fit, args.Today }, ct);
        }
        await db.ExecuteAsync(CloseCampaign, new { Id = finished[0].Campaign }, ct);

        // This year's campaign, running in two communities (worker.demo's among them): some self-assessed, a few supervised.
        var twoCommunities = workers.Where(w => w.UnitCode is DemoWorkerCommunityCode or "310106021002").ToList();
        var running = await CampaignAsync($"{today.Year}年度社区工作者能力测评（演示）", frameworkId.Value, street, PostTypes.All,
            new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31), today.AddDays(30), twoCommunities, profiles, now, ct);
        foreach (var (assessmentId, worker, _) in running)
        {
            if (worker.StaffNo == "CW000001")
            {
                continue; // waits for worker.demo's own self-assessment
            }
            var roll = random.Next(100);
            if (roll < 55)
            {
                await ScoreAsync(assessmentId, competencies, profiles.GetValueOrDefault(worker.PostType), random, self: true, supervisor: roll < 15,
                    now.AddDays(-random.Next(1, 20)), ct);
            }
        }

        await SeedCertificationsAsync(workers, random, today, now, ct);
        await tx.CommitAsync(ct);
    }

    private async Task<Dictionary<string, ProfileRef>> SeedProfilesAsync(Guid frameworkId, IReadOnlyList<CompetencyRow> competencies,
        DateTimeOffset now, CancellationToken ct)
    {
        var result = new Dictionary<string, ProfileRef>();
        foreach (var (postType, name, bump) in new[]
                 {
                     (PostTypes.Staff, "社区工作者（一般岗）能力要求", 0), (PostTypes.Deputy, "副职（主管）能力要求", 1), (PostTypes.Head, "正职（负责人）能力要求", 2),
                 })
        {
            var id = Guid.NewGuid();
            await db.ExecuteAsync(ProfileSql.Insert, new
            {
                Id = id, FrameworkId = frameworkId, Name = name, PostType = postType,
                LevelFrom = postType == PostTypes.Staff ? 1 : postType == PostTypes.Deputy ? 4 : 7,
                LevelTo = postType == PostTypes.Staff ? 12 : postType == PostTypes.Deputy ? 15 : 18, PostTitle = "", Now = now,
            }, ct);
            var items = competencies.Select((c, index) =>
            {
                var (level, weight) = c.DimensionCode switch
                {
                    "political-quality" => (Math.Min(5, 3 + bump), 10),
                    "professional-knowledge" => (Math.Min(5, 2 + bump + (index % 3 == 0 ? 1 : 0)), 5),
                    "working-ability" => (Math.Min(5, 3 + bump), 7),
                    _ => (Math.Min(5, 3 + (bump > 1 ? 1 : 0)), c.Code == "trait-service-attitude" ? 4 : 3),
                };
                return new
                {
                    ProfileId = id, CompetencyId = c.Id, CompetencyCode = c.Code, RequiredLevel = level, Weight = weight, ItemBit = 1L << index,
                };
            }).ToList();
            await db.ExecuteAsync(ProfileSql.InsertItem, items, ct);
            result[postType] = new ProfileRef(id, items.ToDictionary(i => i.CompetencyId, i => i.RequiredLevel));
        }
        return result;
    }

    private async Task<List<(Guid Assessment, DemoWorker Worker, Guid Campaign)>> CampaignAsync(string name, Guid frameworkId, Scope.UnitRef street,
        IReadOnlyList<string> postTypes, DateOnly start, DateOnly end, DateOnly deadline, IReadOnlyList<DemoWorker> workers,
        Dictionary<string, ProfileRef> profiles, DateTimeOffset now, CancellationToken ct)
    {
        var campaignId = Guid.NewGuid();
        await db.ExecuteAsync(CampaignSql.Insert, new
        {
            Id = campaignId, Name = name, FrameworkId = frameworkId, OrgUnitId = street.Id, OrgPath = street.Path, PostTypes = string.Join(",", postTypes),
            PeriodStart = start, PeriodEnd = end, Deadline = deadline, SupervisorWeight = 100, Now = now,
        }, ct);
        var rows = workers.Select(w => (Assessment: Guid.NewGuid(), Worker: w, Campaign: campaignId)).ToList();
        await db.ExecuteAsync(CampaignSql.InsertAssessment, rows.Select(r => new
        {
            Id = r.Assessment, CampaignId = campaignId, r.Worker.WorkerId, ProfileId = profiles.GetValueOrDefault(r.Worker.PostType)?.Id, Now = now,
        }).ToList(), ct);
        await db.ExecuteAsync(CampaignSql.InsertScores, new { CampaignId = campaignId, FrameworkId = frameworkId }, ct);
        return rows;
    }

    /// <summary>Levels around what the post requires: most meet it, some fall one or two short, a few exceed it.</summary>
    private async Task ScoreAsync(Guid assessmentId, IReadOnlyList<CompetencyRow> competencies, ProfileRef? profile, Random random,
        bool self, bool supervisor, DateTimeOffset at, CancellationToken ct)
    {
        var scores = competencies.Select(c =>
        {
            var required = profile?.Required.GetValueOrDefault(c.Id) ?? 3;
            var supervisorLevel = Math.Clamp(required + random.Next(100) switch { < 18 => -1, < 24 => -2, < 80 => 0, _ => 1 }, 1, 5);
            var selfLevel = Math.Clamp(supervisorLevel + (random.Next(100) < 40 ? 1 : 0), 1, 5);
            return new
            {
                AssessmentId = assessmentId, CompetencyId = c.Id,
                SelfLevel = self ? selfLevel : (int?)null, SelfEvidence = self ? Evidence[random.Next(Evidence.Length)] : null,
                SupervisorLevel = supervisor ? supervisorLevel : (int?)null, SupervisorEvidence = supervisor ? "日常工作表现（演示）" : null,
            };
        }).ToList();
        await db.ExecuteAsync(SetScore, scores, ct);
        await db.ExecuteAsync(MarkSubmitted, new
        {
            Id = assessmentId, SelfAt = self ? at : (DateTimeOffset?)null, SupervisorAt = supervisor ? at : (DateTimeOffset?)null,
            SupervisorName = supervisor ? "hr.linfen" : null,
        }, ct);
    }

    /// <summary>全岗通 in every community: most lines held by two or more, some by one, some by nobody; a few expiring or lapsed.</summary>
    private async Task SeedCertificationsAsync(IReadOnlyList<DemoWorker> workers, Random random, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var lines = await db.QueryAsync<ServiceLineResponse>(CertificationSql.Lines, null, ct);
        var rows = new List<object>();
        foreach (var community in workers.Where(w => w.UnitLevel == OrgLevels.Community).GroupBy(w => w.UnitCode))
        {
            var members = community.ToList();
            foreach (var line in lines)
            {
                // Per community and line: 0, 1 or several holders (most often several).
                var holders = random.Next(100) switch { < 12 => 0, < 30 => 1, _ => Math.Min(members.Count, random.Next(2, 5)) };
                foreach (var worker in members.OrderBy(_ => random.Next()).Take(holders))
                {
                    var roll = random.Next(100);
                    var certifiedOn = roll < 10
                        ? today.AddDays(60 - 730 + random.Next(0, 30)) // expires within 90 days
                        : roll < 15 ? today.AddDays(-800) : today.AddDays(-random.Next(30, 600));
                    var passMark = 60;
                    var score = roll is >= 15 and < 20 ? random.Next(40, 60) : random.Next(62, 99);
                    rows.Add(new
                    {
                        Id = Guid.NewGuid(), worker.WorkerId, LineId = line.Id, Score = score, PassMark = passMark, CertifiedOn = certifiedOn,
                        ExpiresOn = certifiedOn.AddMonths(24).AddDays(-1), ResitCount = score < passMark ? 1 : random.Next(100) < 10 ? 1 : 0, Now = now,
                    });
                }
            }
        }
        await db.ExecuteAsync(CertificationSql.Insert, rows, ct);
    }

    private sealed record ProfileRef(Guid Id, Dictionary<Guid, int> Required);

    private sealed class DemoWorker
    {
        public Guid WorkerId { get; init; }
        public string StaffNo { get; init; } = "";
        public Guid OrgUnitId { get; init; }
        public string OrgPath { get; init; } = "";
        public string UnitCode { get; init; } = "";
        public string UnitLevel { get; init; } = "";
        public string PostType { get; init; } = "";
        public string PostTitle { get; init; } = "";
    }
}
