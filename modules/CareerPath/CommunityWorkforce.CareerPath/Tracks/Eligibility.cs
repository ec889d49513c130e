using CommunityWorkforce.Training.Contracts;

namespace CommunityWorkforce.CareerPath.Tracks;

/// <summary>Eligibility for a stage: one worker criterion by criterion, or a whole subtree computed set-wise.</summary>
internal sealed class Eligibility(FactsReader facts)
{
    public async Task<EligibilityResponse?> ForWorkerAsync(Guid workerId, StageResponse stage, DateOnly asOf, CancellationToken ct) =>
        (await ForWorkerAsync(workerId, [stage], asOf, ct)).SingleOrDefault();

    /// <summary>
    /// One worker against several stages (their career track): the facts are read once, for everything any of the stages
    /// asks, and each stage is judged by its own criteria. Empty when the worker is not found.
    /// </summary>
    public async Task<IReadOnlyList<EligibilityResponse>> ForWorkerAsync(Guid workerId, IReadOnlyList<StageResponse> stages, DateOnly asOf,
        CancellationToken ct)
    {
        var needs = StageCriteria.Union(stages.Select(s => s.Criteria));
        var found = (await facts.ReadAsync("/%", workerId, needs, asOf, ct)).SingleOrDefault();
        if (found is null)
        {
            return [];
        }
        var worker = await facts.WithComplianceAsync(found, needs, asOf, ct);
        return stages.Select(stage =>
        {
            var criteria = EligibilityRules.Evaluate(stage.Criteria, worker, asOf);
            return new EligibilityResponse
            {
                WorkerId = worker.WorkerId, StaffNo = worker.StaffNo, Name = worker.Name, StageCode = stage.Code, StageNameZh = stage.NameZh,
                Eligible = criteria.All(c => c.Met), MetCount = criteria.Count(c => c.Met), Criteria = criteria,
            };
        }).ToList();
    }

    /// <summary>
    /// Below this many workers meeting everything else, their mandatory compliance is read one by one (a few indexed
    /// reads each); above it, for the whole subtree at once (Training's set-wise contract, two queries).
    /// </summary>
    internal const int PerWorkerComplianceLimit = 32;

    /// <summary>
    /// …or up to one in this many of the subtree's workers: the subtree's standing costs about 25 µs per worker of the
    /// subtree (1.7–2 s for a city of 70,000), one worker's about 0.5 ms, so for a city up to ~1,750 candidates are
    /// cheaper read one by one.
    /// </summary>
    internal const int PerWorkerComplianceShare = 40;

    /// <summary>
    /// Every active worker of the subtree against the stage. The criteria over published views are evaluated for all at
    /// once; mandatory compliance (Training's contract) only confirms those who meet everything else — read set-wise for
    /// the subtree when they are many, so that the cost does not grow by a query per worker.
    /// </summary>
    public async Task<IReadOnlyList<EligibleWorkerResponse>> ForScopeAsync(string scopePattern, StageResponse stage, DateOnly asOf, CancellationToken ct)
    {
        var all = await facts.ReadAsync(scopePattern, null, stage.Criteria, asOf, ct);
        // Each worker's line is made as they are judged and their criteria dropped; only those meeting everything but
        // mandatory compliance keep theirs until it is read (a city: 60,000 workers, a few criteria each).
        var list = new List<EligibleWorkerResponse>(all.Count);
        var pending = new List<(int Line, WorkerFacts Worker)>();
        foreach (var w in all)
        {
            if (stage.PostType is not null && w.PostType == stage.PostType)
            {
                continue;
            }
            var criteria = EligibilityRules.Evaluate(stage.Criteria, w, asOf);
            if (stage.Criteria.MandatoryCompliance && criteria.All(c => c.Met))
            {
                pending.Add((list.Count, w));
            }
            list.Add(Line(w, criteria, stage));
        }
        if (pending.Count > 0)
        {
            var bySubtree = pending.Count > Math.Max(PerWorkerComplianceLimit, all.Count / PerWorkerComplianceShare)
                ? await facts.ComplianceOfSubtreeAsync(scopePattern, asOf, ct)
                : null;
            foreach (var (line, w) in pending)
            {
                var withCompliance = bySubtree is null
                    ? await facts.WithComplianceAsync(w, stage.Criteria, asOf, ct)
                    : w with { Compliance = bySubtree.GetValueOrDefault(w.WorkerId) ?? new MandatoryCompliance { Year = asOf.Year } };
                list[line] = Line(w, EligibilityRules.Evaluate(stage.Criteria, withCompliance, asOf), stage);
            }
        }
        return list;
    }

    private static EligibleWorkerResponse Line(WorkerFacts w, IReadOnlyList<CriterionResult> criteria, StageResponse stage)
    {
        var met = criteria.Count(c => c.Met);
        // Mandatory compliance counts as a criterion (not met) also where it was not read: something else is missing.
        var total = criteria.Count + (stage.Criteria.MandatoryCompliance && criteria.All(c => c.Code != "mandatoryCompliance") ? 1 : 0);
        return new EligibleWorkerResponse
        {
            WorkerId = w.WorkerId, StaffNo = w.StaffNo, Name = w.Name, OrgPath = w.OrgPath, PostType = w.PostType, Level = w.Level,
            Eligible = met == total, MetCount = met, CriteriaCount = total,
            Missing = string.Join("；", criteria.Where(c => !c.Met).Select(c => c.MissingZh)),
        };
    }
}
