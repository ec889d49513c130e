using CommunityWorkforce.CompetencyFramework.Contracts;
using CommunityWorkforce.Training.Certificates;
using CommunityWorkforce.Training.Compliance;
using CommunityWorkforce.Training.Workers;

namespace CommunityWorkforce.Training.Track;

/// <summary>
/// 推荐课程 — for one worker: courses that close their competency gaps (CompetencyFramework's contract), mandatory courses
/// missing, and courses with sessions ahead when continuing education falls short of the 72/90-hour rule; each says why.
/// </summary>
internal sealed class Recommender(DbSession db, ICompetencyQueries competencies, TimeProvider clock)
{
    private const int PerReason = 3;

    public async Task<IReadOnlyList<Recommendation>> ForAsync(TrainingWorker worker, WorkerComplianceResponse compliance,
        IReadOnlyList<CertificateResponse> certificates, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = LocalDate.Today(clock);
        var args = new Ctx(worker.Id, worker.OrgPath, now, today);
        var result = new List<Recommendation>();
        var seen = new HashSet<Guid>();

        foreach (var gap in await competencies.CurrentGapsAsync(worker.Id, ct))
        {
            var candidates = await db.QueryAsync<CourseCandidate>(TrackSql.ForGap, new
            {
                args.WorkerId, args.OrgPath, args.Now, args.Today, gap.CompetencyCode, gap.AssessedLevel,
            }, ct);
            foreach (var course in candidates.Where(c => seen.Add(c.CourseId)).Take(PerReason))
            {
                var name = Text.Of(gap.NameZh, gap.NameEn);
                result.Add(await With(course, RecommendationReasons.Gap,
                    Text.Of($"“{name}”评估为 {gap.AssessedLevel} 级，岗位要求 {gap.RequiredLevel} 级；本课程培养到 {course.TargetLevel} 级。",
                        $"'{name}' assessed at level {gap.AssessedLevel}, the post requires {gap.RequiredLevel}; this course develops level {course.TargetLevel}."),
                    args, ct) with { CompetencyCode = gap.CompetencyCode, RequiredLevel = gap.RequiredLevel, AssessedLevel = gap.AssessedLevel, TargetLevel = course.TargetLevel });
            }
        }

        foreach (var overdue in compliance.OverdueMandatory)
        {
            var course = await db.QuerySingleOrDefaultAsync<CourseCandidate>(TrackSql.ById, new { overdue.CourseId, args.OrgPath }, ct);
            if (course is not null && seen.Add(course.CourseId))
            {
                result.Add(await With(course, RecommendationReasons.Mandatory, overdue.LastCompletedOn is { } last
                    ? Text.Of($"必修课，上次完成于 {last:yyyy-MM-dd}，已过有效期。", $"Mandatory; last completed {last:yyyy-MM-dd}, now lapsed.")
                    : Text.Of("必修课，尚未完成。", "Mandatory and not yet completed."), args, ct));
            }
        }

        var short_ = certificates
            .Where(c => c.Kind == CertificateKinds.SocialWork && c.ExpiresOn >= today && c.ContinuingEducationHours < c.ContinuingEducationRequired)
            .OrderBy(c => c.ExpiresOn).FirstOrDefault();
        if (short_ is not null)
        {
            var missing = short_.ContinuingEducationRequired!.Value - short_.ContinuingEducationHours!.Value;
            var candidates = await db.QueryAsync<CourseCandidate>(TrackSql.WithSessionsAhead, args, ct);
            foreach (var course in candidates.Where(c => seen.Add(c.CourseId)).Take(PerReason))
            {
                result.Add(await With(course, RecommendationReasons.ContinuingEducation,
                    Text.Of($"{short_.Name}登记期内继续教育还差 {missing:0.#} 学时（{short_.ExpiresOn:yyyy-MM-dd} 到期）。",
                        $"{missing:0.#} continuing-education hours short in the registration period of {short_.Name} (ends {short_.ExpiresOn:yyyy-MM-dd})."),
                    args, ct));
            }
        }
        return result;
    }

    private async Task<Recommendation> With(CourseCandidate course, string reason, string why, Ctx args, CancellationToken ct)
    {
        var next = (await db.QueryAsync<NextSessionRow>(TrackSql.NextSession, new
        {
            course.CourseId, args.OrgPath, args.Now, args.Today, Skip = 0, Take = 1,
        }, ct)).FirstOrDefault();
        return new Recommendation
        {
            CourseId = course.CourseId, CourseCode = course.CourseCode, CourseTitle = course.CourseTitle, Category = course.Category,
            Hours = course.Hours, Reason = reason, Why = why, NextSessionId = next?.Id, NextSessionStartsAt = next?.StartsAt,
            NextSessionOpenEnrolment = next?.OpenEnrolment ?? false,
        };
    }

    private sealed record Ctx(Guid WorkerId, string OrgPath, DateTimeOffset Now, DateOnly Today);
}
