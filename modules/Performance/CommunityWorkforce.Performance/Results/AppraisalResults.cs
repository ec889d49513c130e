namespace CommunityWorkforce.Performance.Results;

internal static class AppraisalResultSql
{
    public const string GradesOf = """
        SELECT cycle_id, year, kind, quarter, score, grade, published_on FROM performance_v_results
        WHERE worker_id = @WorkerId AND grade IS NOT NULL
        ORDER BY year DESC, quarter DESC
        """;
}

/// <summary>Published grades for other modules (CareerPath's promotion eligibility).</summary>
internal sealed class AppraisalResults(DbSession db) : IAppraisalResults
{
    public async Task<IReadOnlyList<AppraisalGrade>> GradesOfAsync(Guid workerId, CancellationToken ct) =>
        (await db.QueryAsync<Row>(AppraisalResultSql.GradesOf, new { WorkerId = workerId }, ct))
        .Select(r => new AppraisalGrade(r.CycleId, r.Year, r.Kind, r.Quarter, r.Score is null ? null : Math.Round((decimal)r.Score.Value, 2),
            r.Grade, r.PublishedOn)).ToList();

    public async Task<AppraisalGrade?> AnnualGradeAsync(Guid workerId, int year, CancellationToken ct) =>
        (await GradesOfAsync(workerId, ct)).FirstOrDefault(g => g.Year == year && g.Kind == "annual");

    private sealed class Row
    {
        public Guid CycleId { get; init; }
        public int Year { get; init; }
        public string Kind { get; init; } = "";
        public int? Quarter { get; init; }
        public double? Score { get; init; }
        public string Grade { get; init; } = "";
        public DateOnly? PublishedOn { get; init; }
    }
}
