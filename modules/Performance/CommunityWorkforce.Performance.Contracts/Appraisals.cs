namespace CommunityWorkforce.Performance.Contracts;

/// <summary>Appraisal grades (考核等次), stable codes.</summary>
public static class Grades
{
    /// <summary>优秀</summary>
    public const string Excellent = "excellent";

    /// <summary>合格</summary>
    public const string Competent = "competent";

    /// <summary>基本合格</summary>
    public const string Basic = "basic";

    /// <summary>不合格</summary>
    public const string Incompetent = "incompetent";

    public static readonly IReadOnlyList<string> All = [Excellent, Competent, Basic, Incompetent];

    public static string NameOf(string grade) => grade switch
    {
        Excellent => "优秀",
        Competent => "合格",
        Basic => "基本合格",
        Incompetent => "不合格",
        _ => grade,
    };
}

/// <summary>One published appraisal result of a worker.</summary>
/// <param name="Kind"><c>annual</c> or <c>quarterly</c>.</param>
/// <param name="Quarter">1–4 for a quarterly cycle, null for an annual one.</param>
public sealed record AppraisalGrade(Guid CycleId, int Year, string Kind, int? Quarter, decimal? Score, string Grade, DateOnly? PublishedOn);

/// <summary>
/// Single reads of published appraisal results for other modules (CareerPath: promotion eligibility reads a worker's
/// grades by year). Only published and closed cycles count; bulk reads join <see cref="PerformanceViews.Results"/>.
/// </summary>
public interface IAppraisalResults
{
    /// <summary>The worker's published grades, newest year first.</summary>
    Task<IReadOnlyList<AppraisalGrade>> GradesOfAsync(Guid workerId, CancellationToken ct);

    /// <summary>The worker's annual grade of <paramref name="year"/>, when published.</summary>
    Task<AppraisalGrade?> AnnualGradeAsync(Guid workerId, int year, CancellationToken ct);
}

/// <summary>Views Performance publishes for other modules' SQL.</summary>
public static class PerformanceViews
{
    /// <summary>
    /// Published results, one row per participant of a published or closed cycle. Columns: participant_id, worker_id,
    /// staff_no, org_unit_id, org_path, post_type, cycle_id, kind, year, quarter, published_on, score, grade — Insights
    /// groups by grade for the grade mix; CareerPath reads grades by year.
    /// </summary>
    public const string Results = "performance_v_results";
}
