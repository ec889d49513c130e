using CommunityWorkforce.Training.Compliance;
using CommunityWorkforce.Training.Settings;
using CommunityWorkforce.Training.Workers;

namespace CommunityWorkforce.Training.Queries;

/// <summary>Training's contract for other modules (CareerPath's promotion criteria): no scope check; the caller has decided.</summary>
internal sealed class TrainingQueries(DbSession db, ComplianceReader compliance, TrainingSettingsStore settings) : ITrainingQueries
{
    public async Task<decimal> CertificationTargetRateAsync(CancellationToken ct) => (await settings.GetAsync(ct)).CertificationTargetRate;

    public Task<decimal> HoursAsync(Guid workerId, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.ExecuteScalarAsync<decimal>(TrainingQuerySql.Hours, new { WorkerId = workerId, From = from, To = to }, ct);

    public async Task<IReadOnlyList<CertificateHeld>> CertificatesAsync(Guid workerId, DateOnly asOf, CancellationToken ct) =>
        await db.QueryAsync<CertificateHeld>(TrainingQuerySql.Certificates, new { WorkerId = workerId, AsOf = asOf }, ct);

    public Task<IReadOnlyDictionary<Guid, MandatoryCompliance>> ComplianceOfSubtreeAsync(string pathPattern, DateOnly asOf, CancellationToken ct) =>
        compliance.ForSubtreeAsync(pathPattern, asOf.Year, ct);

    public Task<CourseSummary?> CourseAsync(Guid courseId, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<CourseSummary>(TrainingQuerySql.Course, new { Id = courseId }, ct);

    public async Task<MandatoryCompliance> ComplianceAsync(Guid workerId, DateOnly asOf, CancellationToken ct)
    {
        var worker = await db.QuerySingleOrDefaultAsync<TrainingWorker>(TrainingQuerySql.Worker, new { WorkerId = workerId }, ct);
        if (worker is null)
        {
            return new MandatoryCompliance { Year = asOf.Year };
        }
        var standing = await compliance.ForWorkerAsync(worker, asOf.Year, ct);
        return new MandatoryCompliance
        {
            Year = standing.Year, HoursDone = standing.HoursDone, HoursRequired = standing.HoursRequired,
            OverdueCourseCodes = standing.OverdueMandatory.Select(c => c.CourseCode).ToList(),
        };
    }
}

internal static class TrainingQuerySql
{
    public const string Hours = """
        SELECT COALESCE(SUM(hours_credited), 0.0) FROM training_enrollments
        WHERE worker_id = @WorkerId AND completed_on >= @From AND completed_on <= @To
        """;

    public const string Certificates = """
        SELECT id, kind, level, name, issued_on AS IssuedOn, expires_on AS ExpiresOn FROM training_certificates
        WHERE worker_id = @WorkerId AND issued_on <= @AsOf AND (expires_on IS NULL OR expires_on >= @AsOf)
        ORDER BY issued_on
        """;

    public const string Course = """
        SELECT id AS Id, code AS Code, title AS Title, status AS Status, audience_org_path AS AudienceOrgPath FROM training_courses WHERE id = @Id
        """;

    public const string Worker = """
        SELECT w.worker_id AS Id, w.name, w.staff_no AS StaffNo, w.status, w.org_path AS OrgPath,
            (SELECT MIN(p.post_type) FROM staffing_v_current_postings p WHERE p.worker_id = w.worker_id AND p.is_primary = 1) AS PostType
        FROM staffing_v_worker_scope w WHERE w.worker_id = @WorkerId
        """;
}
