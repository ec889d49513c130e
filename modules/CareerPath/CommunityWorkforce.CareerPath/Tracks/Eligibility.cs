namespace CommunityWorkforce.CareerPath.Tracks;

/// <summary>Eligibility for a stage: one worker criterion by criterion, or a whole subtree computed set-wise.</summary>
internal sealed class Eligibility(FactsReader facts)
{
    public async Task<EligibilityResponse?> ForWorkerAsync(Guid workerId, StageResponse stage, DateOnly asOf, CancellationToken ct)
    {
        var found = (await facts.ReadAsync("/%", workerId, stage.Criteria, asOf, ct)).SingleOrDefault();
        if (found is null)
        {
            return null;
        }
        var worker = await facts.WithComplianceAsync(found, stage.Criteria, asOf, ct);
        var criteria = EligibilityRules.Evaluate(stage.Criteria, worker, asOf);
        return new EligibilityResponse
        {
            WorkerId = worker.WorkerId, StaffNo = worker.StaffNo, Name = worker.Name, StageCode = stage.Code, StageNameZh = stage.NameZh,
            Eligible = criteria.All(c => c.Met), MetCount = criteria.Count(c => c.Met), Criteria = criteria,
        };
    }

    /// <summary>
    /// Every active worker of the subtree against the stage. The criteria over published views are evaluated for all at
    /// once; mandatory compliance (Training's per-worker contract) only confirms those who meet everything else.
    /// </summary>
    public async Task<IReadOnlyList<EligibleWorkerResponse>> ForScopeAsync(string scopePattern, StageResponse stage, DateOnly asOf, CancellationToken ct)
    {
        var all = await facts.ReadAsync(scopePattern, null, stage.Criteria, asOf, ct);
        var list = new List<EligibleWorkerResponse>(all.Count);
        foreach (var w in all)
        {
            if (stage.PostType is not null && w.PostType == stage.PostType)
            {
                continue;
            }
            var criteria = EligibilityRules.Evaluate(stage.Criteria, w, asOf);
            var count = criteria.Count + (stage.Criteria.MandatoryCompliance ? 1 : 0);
            if (stage.Criteria.MandatoryCompliance && criteria.All(c => c.Met))
            {
                criteria = EligibilityRules.Evaluate(stage.Criteria, await facts.WithComplianceAsync(w, stage.Criteria, asOf, ct), asOf);
            }
            var met = criteria.Count(c => c.Met);
            list.Add(new EligibleWorkerResponse
            {
                WorkerId = w.WorkerId, StaffNo = w.StaffNo, Name = w.Name, OrgPath = w.OrgPath, PostType = w.PostType, Level = w.Level,
                Eligible = met == count, MetCount = met, CriteriaCount = count,
                Missing = string.Join("；", criteria.Where(c => !c.Met).Select(c => c.MissingZh)),
            });
        }
        return list;
    }
}
