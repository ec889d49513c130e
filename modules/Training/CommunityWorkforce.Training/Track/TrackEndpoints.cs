using CommunityWorkforce.Training.Certificates;
using CommunityWorkforce.Training.Compliance;
using CommunityWorkforce.Training.Sessions;
using CommunityWorkforce.Training.Settings;
using CommunityWorkforce.Training.Workers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Training.Track;

/// <summary>
/// 我的培训 — a worker's training track: this year's hours against the requirement, overdue mandatory courses, sessions
/// ahead, completed training, certificates with expiry and continuing education, and recommended courses. A worker reads
/// only their own; HR and leaders those in their scope.
/// </summary>
internal static class TrackEndpoints
{
    /// <summary>At most this many of a worker's enrolments are read for their track (a career holds a few hundred).</summary>
    private const int TrackEnrolmentsRead = 1000;

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/training/workers").WithTags("Training track");
        group.MapGet("/{id:guid}/track", Track).RequireAuthorization(Policies.AnyRole).WithName("GetTrainingTrack");
        group.MapGet("/{id:guid}/compliance", Compliance).RequireAuthorization(Policies.AnyRole).WithName("GetWorkerTrainingCompliance");
        group.MapGet("/{id:guid}/recommendations", Recommendations).RequireAuthorization(Policies.AnyRole).WithName("GetTrainingRecommendations");
    }

    private static async Task<Results<Ok<TrainingTrackResponse>, ValidationProblem, NotFound>> Track(
        Guid id, int? year, DbSession db, CurrentUser user, ComplianceReader compliance, Recommender recommender,
        TrainingSettingsStore settings, TimeProvider clock, CancellationToken ct)
    {
        var today = LocalDate.Today(clock);
        var validator = new Validator().Range("year", year, 2000, today.Year + 1);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var worker = await TrainingWorkerLookup.FindInScope(db, user, id, ct);
        if (worker is null)
        {
            return TypedResults.NotFound();
        }
        var standing = await compliance.ForWorkerAsync(worker, year ?? today.Year, ct);
        var now = clock.GetUtcNow();
        // The worker's enrolments in one read (a career holds a few hundred at most), split into sessions ahead and
        // completed training, each list capped like a page.
        var enrolments = await db.QueryAsync<EnrollmentRow>(PagedSql.WithOrderBy(EnrollmentSql.ListOfWorker, "s.starts_at, e.id"),
            SessionLookup.EnrollmentListArgs(user, new EnrollmentListQuery { WorkerId = id }, new PageQuery { Page = 1, PageSize = TrackEnrolmentsRead }, now), ct);
        var certificates = await Certificates(db, user, settings, id, today, ct);
        return TypedResults.Ok(new TrainingTrackResponse
        {
            WorkerId = worker.Id, WorkerName = worker.Name, StaffNo = worker.StaffNo, PostType = worker.PostType, Compliance = standing,
            Upcoming = enrolments.Where(e => e.StartsAt > now && e.Status != EnrollmentStatus.Cancelled)
                .Take(PageQuery.MaxPageSize).Select(e => e.ToResponse()).ToList(),
            Completed = enrolments.Where(e => e.CompletedOn is not null).OrderByDescending(e => e.CompletedOn)
                .ThenBy(e => e.Id.ToString("D").ToUpperInvariant(), StringComparer.Ordinal)
                .Take(PageQuery.MaxPageSize).Select(e => e.ToResponse()).ToList(),
            Certificates = certificates,
            Recommendations = await recommender.ForAsync(worker, standing, certificates, ct),
        });
    }

    private static async Task<Results<Ok<WorkerComplianceResponse>, ValidationProblem, NotFound>> Compliance(
        Guid id, int? year, DbSession db, CurrentUser user, ComplianceReader compliance, TimeProvider clock, CancellationToken ct)
    {
        var today = LocalDate.Today(clock);
        var validator = new Validator().Range("year", year, 2000, today.Year + 1);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var worker = await TrainingWorkerLookup.FindInScope(db, user, id, ct);
        return worker is null ? TypedResults.NotFound() : TypedResults.Ok(await compliance.ForWorkerAsync(worker, year ?? today.Year, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<Recommendation>>, NotFound>> Recommendations(
        Guid id, DbSession db, CurrentUser user, ComplianceReader compliance, Recommender recommender, TrainingSettingsStore settings,
        TimeProvider clock, CancellationToken ct)
    {
        var today = LocalDate.Today(clock);
        var worker = await TrainingWorkerLookup.FindInScope(db, user, id, ct);
        if (worker is null)
        {
            return TypedResults.NotFound();
        }
        var standing = await compliance.ForWorkerAsync(worker, today.Year, ct);
        var certificates = await Certificates(db, user, settings, id, today, ct);
        return TypedResults.Ok(await recommender.ForAsync(worker, standing, certificates, ct));
    }

    private static async Task<IReadOnlyList<CertificateResponse>> Certificates(DbSession db, CurrentUser user, TrainingSettingsStore settings,
        Guid workerId, DateOnly today, CancellationToken ct)
    {
        var page = new PageQuery { Page = 1, PageSize = PageQuery.MaxPageSize };
        var rows = await db.QueryAsync<CertificateRow>(PagedSql.WithOrderBy(CertificateSql.ListOfWorker, "t.expires_on, t.id"),
            CertificateLookup.ListArgs(user, new CertificateListQuery { WorkerId = workerId }, page, today), ct);
        var s = await settings.GetAsync(ct);
        return rows.Select(r => CertificateLookup.ToResponse(r, s, today)).ToList();
    }
}
