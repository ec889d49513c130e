using CommunityWorkforce.Insights.Dashboard;
using CommunityWorkforce.Insights.Norms;
using CommunityWorkforce.Insights.Scope;

namespace CommunityWorkforce.Insights.Transfers;

/// <summary>Reads a subtree's units, candidates and free places, solves <see cref="TransferModel"/> and explains each move.</summary>
/// <remarks>The plan is kept in <see cref="InsightsCache"/> until this host writes Staffing's tables (at most 30 s).</remarks>
internal sealed class TransferPlanner(DbSession db, NormsReader norms, IStaffingRules rules, InsightsCache cache, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> DependsOn = [InsightsCache.Staffing];

    /// <summary>Candidates per over-norm unit kept in the network: the most movable first (due for rotation, longest in post).</summary>
    private const int CandidatesPerSurplusPlace = 4;

    public Task<TransferPlan> PlanAsync(UnitRef unit, CancellationToken ct) =>
        cache.GetAsync("transfers", unit, "", DependsOn, () => ComputeAsync(unit, ct));

    private async Task<TransferPlan> ComputeAsync(UnitRef unit, CancellationToken ct)
    {
        var today = LocalDate.Today(clock);
        var rule = await rules.NormRuleAsync(ct);
        var lines = await norms.LinesAsync(unit, rule, ct);
        var args = new { Scope = InsightsScope.Pattern(unit) };
        var candidates = await db.QueryAsync<CandidateRow>(TransferSql.Candidates, args, ct);
        var posts = await db.QueryAsync<PostRow>(TransferSql.PostsWithRoom, args, ct);
        var pending = await db.QueryAsync<PendingRow>(TransferSql.PendingMoves, args, ct);

        // Open rotation requests count as moves already made: they leave their unit and take a place in their post.
        var incoming = pending.GroupBy(p => p.ToUnitId).ToDictionary(g => g.Key, g => g.Count());
        var outgoing = pending.GroupBy(p => p.FromUnitId).ToDictionary(g => g.Key, g => g.Count());
        var takenByRequests = pending.GroupBy(p => p.ToPostId).ToDictionary(g => g.Key, g => g.Count());
        lines = lines.Select(l => l with { Filled = l.Filled + incoming.GetValueOrDefault(l.Id) - outgoing.GetValueOrDefault(l.Id) }).ToList();
        posts = posts.Select(p => p with { Filled = p.Filled + takenByRequests.GetValueOrDefault(p.PostId) }).Where(p => p.Quota > p.Filled).ToList();

        var withNorm = lines.Where(l => l.Norm is not null).ToList();
        var byId = lines.ToDictionary(l => l.Id);
        var modelUnits = withNorm.Select(l => new TransferModel.Unit(l.Id, l.Path, l.Filled, l.Norm!.Value)).ToList();
        var surplus = withNorm.Where(l => l.Filled > l.Norm).ToDictionary(l => l.Id, l => l.Filled - l.Norm!.Value);
        var modelCandidates = candidates.Where(c => surplus.ContainsKey(c.UnitId))
            .Select(c => (Row: c, Years: Math.Max(0, StructureBands.FullYears(c.StartedOn, today))))
            .GroupBy(c => c.Row.UnitId)
            .SelectMany(g => g.OrderByDescending(c => c.Years).ThenBy(c => c.Row.StaffNo, StringComparer.Ordinal)
                .Take((surplus[g.Key] * CandidatesPerSurplusPlace) + 2))
            .ToList();
        var result = TransferModel.Solve(modelUnits,
            modelCandidates.Select(c => new TransferModel.Candidate(c.Row.PostingId, c.Row.UnitId, c.Row.PostType, c.Years, c.Years >= rule.RotationThresholdYears)).ToList(),
            posts.Select(p => new TransferModel.Room(p.UnitId, p.PostType, p.Quota - p.Filled)).ToList());

        // Each move into (unit, post type) takes a place in that unit's posts of the type, the roomiest first.
        var room = posts.ToDictionary(p => p.PostId, p => p.Quota - p.Filled);
        var taken = posts.ToDictionary(p => p.PostId, _ => 0);
        var rowByPosting = candidates.ToDictionary(c => c.PostingId);
        var suggestions = new List<TransferSuggestion>();
        foreach (var move in result.Moves.OrderBy(m => byId[m.Worker.UnitId].Code, StringComparer.Ordinal).ThenBy(m => m.Cost))
        {
            var post = posts.Where(p => p.UnitId == move.ToUnitId && p.PostType == move.ToPostType && room[p.PostId] - taken[p.PostId] > 0)
                .OrderByDescending(p => room[p.PostId] - taken[p.PostId]).ThenBy(p => p.Title, StringComparer.Ordinal).First();
            taken[post.PostId]++;
            var worker = rowByPosting[move.Worker.PostingId];
            var from = byId[worker.UnitId];
            var to = byId[move.ToUnitId];
            suggestions.Add(new TransferSuggestion
            {
                WorkerId = worker.WorkerId, StaffNo = worker.StaffNo, WorkerName = worker.Name, FromPostingId = worker.PostingId,
                FromPostTitle = worker.PostTitle, PostType = worker.PostType, FromUnitId = from.Id, FromUnitName = from.Name,
                FromFilled = from.Filled, FromNorm = from.Norm!.Value, ToPostId = post.PostId, ToPostTitle = post.Title, ToPostType = post.PostType,
                ToPostQuota = post.Quota, ToPostFilled = post.Filled, ToUnitId = to.Id, ToUnitName = to.Name, ToFilled = to.Filled,
                ToNorm = to.Norm!.Value, YearsInPost = move.Worker.YearsInPost, DueForRotation = move.Worker.Due, TreeDistance = move.Distance,
                Cost = move.Cost,
                Reasons =
                [
                    "closes-gap",
                    move.Worker.Due ? "due-for-rotation" : "not-yet-due",
                    move.ToPostType == worker.PostType ? "same-post-type" : "other-post-type",
                    SameStreet(from, to, byId) ? "same-street" : "other-street",
                ],
            });
        }
        var shortBefore = withNorm.Where(l => l.Filled < l.Norm).Sum(l => l.Norm!.Value - l.Filled);
        return new TransferPlan
        {
            Unit = unit, AsOf = today, ShortBefore = shortBefore, SurplusBefore = surplus.Values.Sum(),
            ShortAfter = shortBefore - suggestions.Count, TotalCost = suggestions.Sum(s => s.Cost), Suggestions = suggestions,
            Method = new TransferMethod
            {
                Solver = "Google OR-Tools SimpleMinCostFlow (max flow with min cost)", Status = result.Status, Nodes = result.Nodes,
                Arcs = result.Arcs, CandidateWorkers = modelCandidates.Count,
                Description = "Moves go from units above their staffing norm (never below it) to posts with free quota in units below it; "
                              + "open rotation requests count as moves already made; "
                              + "the solver closes as much of the shortfall as possible, then minimises disruption: "
                              + $"{TransferModel.CostPerTreeEdge} per edge between the units in the org tree, {TransferModel.NotYetDuePenalty} for a worker "
                              + $"not yet due for rotation (< {rule.RotationThresholdYears} years in post), {TransferModel.OtherPostTypePenalty} for another post type "
                              + "(head posts never change type), and up to 10 for a short tenure in the post.",
            },
        };
    }

    private static bool SameStreet(NormLine a, NormLine b, IReadOnlyDictionary<Guid, NormLine> byId) =>
        StreetOf(a, byId) is { } s && s == StreetOf(b, byId);

    private static Guid? StreetOf(NormLine line, IReadOnlyDictionary<Guid, NormLine> byId)
    {
        for (NormLine? at = line; at is not null; at = at.ParentId is { } p ? byId.GetValueOrDefault(p) : null)
        {
            if (at.Level == OrgLevels.Street)
            {
                return at.Id;
            }
        }
        return null;
    }

    private sealed class CandidateRow
    {
        public Guid PostingId { get; init; }
        public Guid WorkerId { get; init; }
        public string StaffNo { get; init; } = "";
        public string Name { get; init; } = "";
        public Guid PostId { get; init; }
        public string PostType { get; init; } = "";
        public string PostTitle { get; init; } = "";
        public Guid UnitId { get; init; }
        public DateOnly StartedOn { get; init; }
    }

    private sealed record PendingRow
    {
        public Guid ToPostId { get; init; }
        public Guid ToUnitId { get; init; }
        public Guid FromUnitId { get; init; }
    }

    private sealed record PostRow
    {
        public Guid PostId { get; init; }
        public Guid UnitId { get; init; }
        public string PostType { get; init; } = "";
        public string Title { get; init; } = "";
        public int Quota { get; init; }
        public int Filled { get; init; }
    }
}
