namespace CommunityWorkforce.Training.Contracts;

/// <summary>Views Training publishes for other modules' set-wise SQL.</summary>
public static class TrainingViews
{
    /// <summary>
    /// Completed training. Columns: worker_id, course_id, course_code, category, mandatory (0/1), completed_on,
    /// hours_credited, score, valid_until (null: does not lapse).
    /// </summary>
    public const string Completions = "training_v_completions";

    /// <summary>Certificates held. Columns: certificate_id, worker_id, kind, level, name, issued_on, registered_on, expires_on.</summary>
    public const string Certificates = "training_v_certificates";

    /// <summary>
    /// Hours credited per completion, without its session and course (a set-wise sum of hours in a period, read off an
    /// index). Columns: worker_id, completed_on, hours_credited.
    /// </summary>
    public const string CreditedHours = "training_v_credited_hours";
}

/// <summary>Certificate kinds, stable codes.</summary>
public static class CertificateKinds
{
    /// <summary>社会工作者职业资格</summary>
    public const string SocialWork = "social-work";

    /// <summary>Other certificates (first aid 急救, ...).</summary>
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [SocialWork, Other];
}

/// <summary>Social-work qualification levels (社会工作者职业资格等级).</summary>
public static class SocialWorkLevels
{
    /// <summary>助理社会工作师</summary>
    public const string Assistant = "assistant";

    /// <summary>社会工作师</summary>
    public const string Intermediate = "intermediate";

    /// <summary>高级社会工作师</summary>
    public const string Senior = "senior";

    public static readonly IReadOnlyList<string> All = [Assistant, Intermediate, Senior];
}

/// <summary>A certificate a worker holds.</summary>
public sealed record CertificateHeld
{
    public Guid Id { get; init; }
    public string Kind { get; init; } = "";
    public string? Level { get; init; }
    public string Name { get; init; } = "";
    public DateOnly IssuedOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
}

/// <summary>A worker's mandatory-training standing on a day.</summary>
public sealed record MandatoryCompliance
{
    public int Year { get; init; }
    public decimal HoursDone { get; init; }
    public decimal HoursRequired { get; init; }

    /// <summary>Mandatory courses for the worker's post and unit with no valid completion.</summary>
    public IReadOnlyList<string> OverdueCourseCodes { get; init; } = [];

    public bool Compliant => HoursDone >= HoursRequired && OverdueCourseCodes.Count == 0;
}

/// <summary>
/// Single reads of training results for other modules (CareerPath's promotion criteria). No scope check here: the
/// caller has already decided the worker is visible.
/// </summary>
public interface ITrainingQueries
{
    /// <summary>Hours credited for training completed between <paramref name="from"/> and <paramref name="to"/> (both inclusive).</summary>
    Task<decimal> HoursAsync(Guid workerId, DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>Certificates held and valid on <paramref name="asOf"/>.</summary>
    Task<IReadOnlyList<CertificateHeld>> CertificatesAsync(Guid workerId, DateOnly asOf, CancellationToken ct);

    /// <summary>Hours this year against the requirement, and overdue mandatory courses, on <paramref name="asOf"/>.</summary>
    Task<MandatoryCompliance> ComplianceAsync(Guid workerId, DateOnly asOf, CancellationToken ct);

    /// <summary>
    /// <see cref="ComplianceAsync"/> for every worker of a subtree who has not left, read set-wise (two queries, whatever
    /// the number of workers): keyed by worker id. <paramref name="pathPattern"/> is an org path followed by <c>%</c>
    /// (<c>/%</c>: the whole city).
    /// </summary>
    Task<IReadOnlyDictionary<Guid, MandatoryCompliance>> ComplianceOfSubtreeAsync(string pathPattern, DateOnly asOf, CancellationToken ct);

    /// <summary>The share of workers who should hold a social-work certificate (社工持证率目标, e.g. 0.5).</summary>
    Task<decimal> CertificationTargetRateAsync(CancellationToken ct);

    /// <summary>A course by id (CareerPath's development plans name courses), or null when there is none.</summary>
    Task<CourseSummary?> CourseAsync(Guid courseId, CancellationToken ct);
}

/// <summary>A course as other modules see it; <see cref="AudienceOrgPath"/> null: offered city-wide.</summary>
public sealed record CourseSummary
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public string Status { get; init; } = "";
    public string? AudienceOrgPath { get; init; }
}
