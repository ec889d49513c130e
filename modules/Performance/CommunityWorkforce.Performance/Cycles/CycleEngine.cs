using System.Globalization;
using System.Text.Json;
using CommunityWorkforce.Performance.Scoring;
using CommunityWorkforce.Performance.Settings;
using CommunityWorkforce.Performance.Templates;

namespace CommunityWorkforce.Performance.Cycles;

/// <summary>
/// The work behind a cycle's steps, shared by the endpoints and the demo seed: building the participant list, scoring,
/// proposing grades and checking the quota. Every method runs inside the caller's transaction.
/// </summary>
internal sealed class CycleEngine(DbSession db, PerformanceSettingsStore settings, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Participants: every worker with a posting in the cycle's subtree during the period, placed by the mover rule, each
    /// with the nearest template of their post type. Returns the post types that have no template (nothing is written then).
    /// </summary>
    public async Task<(int Participants, IReadOnlyList<string> MissingTemplates)> BuildParticipantsAsync(CycleRow cycle, CancellationToken ct)
    {
        var postings = await db.QueryAsync<PeriodPosting>(CycleSql.PostingsInPeriod,
            new { Scope = cycle.OrgPath + "%", Start = cycle.PeriodStart, End = cycle.PeriodEnd }, ct);
        var placements = ParticipantPlacement.Place(postings, cycle.PeriodStart, cycle.PeriodEnd, cycle.MoverRule);
        var templates = (await db.QueryAsync<TemplateRow>(TemplateSql.ForPath, new { Path = cycle.OrgPath }, ct))
            .GroupBy(t => t.PostType)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.OrgPath.Length).First());
        var missing = placements.Select(p => p.PostType).Distinct().Where(t => !templates.ContainsKey(t)).Order().ToList();
        if (missing.Count > 0)
        {
            return (0, missing);
        }
        var now = clock.GetUtcNow();
        await db.ExecuteEachAsync(CycleSql.InsertParticipant, placements.Select(p => new
        {
            Id = Guid.NewGuid(), CycleId = cycle.Id, p.WorkerId, p.StaffNo, p.WorkerName, p.OrgUnitId, p.OrgPath, p.PostType,
            TemplateId = templates[p.PostType].Id, p.DaysInUnit, p.DaysInPeriod, p.Moved, PlacementNote = p.Note, Now = now,
        }).ToList(), ct);
        return (placements.Count, []);
    }

    /// <summary>
    /// Scores every participant from the inputs as they stand (two passes: individual parts, then each unit's department
    /// score, then the composite). When <paramref name="propose"/>, also sets the proposed grades and the grades to them.
    /// </summary>
    public async Task<int> ScoreAsync(CycleRow cycle, bool propose, CancellationToken ct)
    {
        var config = await settings.GetAsync(ct);
        var inputs = await db.QueryAsync<InputRow>(CycleSql.ScoringInputs, new { CycleId = cycle.Id }, ct);
        var stats = (await db.QueryAsync<RatingStat>(CycleSql.RatingStats,
            new { CycleId = cycle.Id, Start = cycle.PeriodStart, End = cycle.PeriodEnd }, ct)).ToDictionary(s => s.WorkerId);
        var own = (await db.QueryAsync<UnitScoreRow>(CycleSql.UnitScores, new { CycleId = cycle.Id }, ct))
            .ToDictionary(u => u.OrgUnitId, u => (decimal)u.OwnScore);
        // Each template's indicators parsed once (a city cycle has a handful of templates and tens of thousands of
        // participants); a participant's parts are built twice — for the department scores, then for the composite — and
        // only the numbers are kept between the passes: the explanation is serialised as each row is saved, so a city's
        // explanations never sit in memory together (they were most of the 190 MB this method held).
        var templates = new Dictionary<Guid, (TemplateRow Row, IReadOnlyList<IndicatorDto> Indicators)>();
        foreach (var id in inputs.Select(i => i.TemplateId).Distinct())
        {
            var template = (await db.QuerySingleOrDefaultAsync<TemplateRow>(TemplateSql.ById, new { Id = id }, ct))!;
            templates[id] = (template, TemplateLookup.Indicators(template.Indicators));
        }
        ScoreInputs InputsOf(InputRow row, decimal? department)
        {
            var (template, indicators) = templates[row.TemplateId];
            var stat = stats.GetValueOrDefault(row.WorkerId);
            return new ScoreInputs(indicators, template.DepartmentShare,
                (decimal?)row.StreetScore, (decimal?)row.PeerScore, Kpis(row.KpiActuals), stat?.N ?? 0,
                stat is null ? null : (decimal)stat.Average, config.MinRatings, department);
        }
        var individual = new Dictionary<Guid, decimal>(inputs.Count);
        foreach (var row in inputs)
        {
            individual[row.Id] = CompositeScore.Compute(InputsOf(row, null)).IndividualScore;
        }
        var departments = inputs.GroupBy(r => r.OrgUnitId).ToDictionary(g => g.Key,
            g => DepartmentScores.Compute(own.TryGetValue(g.Key, out var o) ? o : null, g.Select(r => individual[r.Id]).ToList()));
        var now = clock.GetUtcNow();
        var finals = new Dictionary<Guid, decimal>(inputs.Count);
        foreach (var row in inputs)
        {
            finals[row.Id] = CompositeScore.Compute(InputsOf(row, departments[row.OrgUnitId])).Score;
        }
        var grades = new Dictionary<Guid, string>(inputs.Count);
        foreach (var unit in inputs.GroupBy(r => r.OrgUnitId))
        {
            foreach (var (id, grade) in GradeProposal.Propose(unit.Select(r => (r.Id, r.StaffNo, finals[r.Id])).ToList(), cycle.ExcellentQuotaPercent))
            {
                grades[id] = grade;
            }
        }
        // One prepared statement re-bound per participant (a city cycle has tens of thousands): score, explanation and
        // proposed grade in one update each; each row's composite is computed again as it is bound (the same inputs, so
        // the same result) and its explanation dropped right after.
        ScoreSave Save(InputRow row)
        {
            var final = CompositeScore.Compute(InputsOf(row, departments[row.OrgUnitId]));
            return new ScoreSave
            {
                Id = row.Id, DepartmentScore = (double)departments[row.OrgUnitId], Score = (double)final.Score,
                Explanation = JsonSerializer.Serialize(final.Parts, Json), Grade = grades[row.Id], Now = now,
            };
        }
        await db.ExecuteEachAsync(propose ? CycleSql.SaveScoreAndGrade : CycleSql.SaveScore, inputs, Save, ct);
        return inputs.Count;
    }

    /// <summary>Units over their 优秀 quota (none when the cycle may be published).</summary>
    public async Task<IReadOnlyList<UnitBoardLine>> OverQuotaAsync(CycleRow cycle, CancellationToken ct) =>
        (await BoardAsync(cycle, cycle.OrgPath + "%", ct)).Where(u => u.OverQuota).ToList();

    public async Task<IReadOnlyList<UnitBoardLine>> BoardAsync(CycleRow cycle, string scope, CancellationToken ct)
    {
        var rows = await db.QueryAsync<UnitCountRow>(CycleSql.UnitCounts, new { CycleId = cycle.Id, Scope = scope }, ct);
        return rows.Select(r =>
        {
            var quota = GradeProposal.Quota(r.Participants, cycle.ExcellentQuotaPercent);
            return new UnitBoardLine(r.OrgUnitId, r.OrgPath, r.UnitName, r.Participants, quota, r.Excellent, r.Competent, r.Basic,
                r.Incompetent, r.Ungraded, r.Excellent > quota, r.DepartmentScore is null ? null : (decimal)r.DepartmentScore.Value);
        }).ToList();
    }

    public static IReadOnlyDictionary<string, decimal> Kpis(string? json) =>
        string.IsNullOrEmpty(json) ? new Dictionary<string, decimal>() : JsonSerializer.Deserialize<Dictionary<string, decimal>>(json, Json) ?? [];

    public static string KpiJson(IReadOnlyDictionary<string, decimal>? kpis) => JsonSerializer.Serialize(kpis ?? new Dictionary<string, decimal>(), Json);

    public static IReadOnlyList<ScorePart> Parts(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<ScorePart>>(json, Json) ?? [];

    public static ParticipantResponse ToResponse(ParticipantRow r) => new()
    {
        Id = r.Id, CycleId = r.CycleId, CycleName = r.CycleName, CycleStatus = r.CycleStatus, Year = r.Year, Kind = r.Kind, Quarter = r.Quarter,
        WorkerId = r.WorkerId, StaffNo = r.StaffNo, WorkerName = r.WorkerName, OrgUnitId = r.OrgUnitId, OrgPath = r.OrgPath,
        PostType = r.PostType, TemplateId = r.TemplateId, DaysInUnit = r.DaysInUnit, DaysInPeriod = r.DaysInPeriod, Moved = r.Moved,
        PlacementNote = r.PlacementNote, StreetScore = Dec(r.StreetScore), PeerScore = Dec(r.PeerScore), KpiActuals = Kpis(r.KpiActuals),
        DepartmentScore = Dec(r.DepartmentScore), Score = Dec(r.Score), Parts = Parts(r.Explanation), ProposedGrade = r.ProposedGrade,
        Grade = r.Grade, GradeReason = r.GradeReason, AppealDeadline = r.AppealDeadline, AppealStatus = r.AppealStatus,
        AppealReason = r.AppealReason, AppealResolution = r.AppealResolution, Version = r.Version,
    };

    private static decimal? Dec(double? value) => value is null ? null : CompositeScore.Round((decimal)value.Value, 2);

    public static string Describe(IEnumerable<UnitBoardLine> over) => string.Join("；", over.Select(u =>
        string.Create(CultureInfo.InvariantCulture, $"{u.UnitName}：优秀 {u.Excellent} 人，名额 {u.ExcellentQuota} 人（共 {u.Participants} 人）")));

    private sealed class ScoreSave
    {
        public Guid Id { get; init; }
        public double DepartmentScore { get; init; }
        public double Score { get; init; }
        public string Explanation { get; init; } = "";
        public string Grade { get; init; } = "";
        public DateTimeOffset Now { get; init; }
    }

    internal sealed class InputRow
    {
        public Guid Id { get; init; }
        public Guid WorkerId { get; init; }
        public string StaffNo { get; init; } = "";
        public Guid OrgUnitId { get; init; }
        public Guid TemplateId { get; init; }
        public double? StreetScore { get; init; }
        public double? PeerScore { get; init; }
        public string? KpiActuals { get; init; }
        public string? Grade { get; init; }
    }

    internal sealed class RatingStat
    {
        public Guid WorkerId { get; init; }
        public int N { get; init; }
        public double Average { get; init; }
    }

    private sealed class UnitScoreRow
    {
        public Guid OrgUnitId { get; init; }
        public double OwnScore { get; init; }
    }

    private sealed class UnitCountRow
    {
        public Guid OrgUnitId { get; init; }
        public string OrgPath { get; init; } = "";
        public string UnitName { get; init; } = "";
        public int Participants { get; init; }
        public int Excellent { get; init; }
        public int Competent { get; init; }
        public int Basic { get; init; }
        public int Incompetent { get; init; }
        public int Ungraded { get; init; }
        public double? DepartmentScore { get; init; }
    }
}
