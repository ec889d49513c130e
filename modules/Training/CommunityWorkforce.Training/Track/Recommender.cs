using Dapper;
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
        var picked = new List<(CourseCandidate Course, Recommendation Partial)>();
        var seen = new HashSet<Guid>();

        // Courses for every gap in one read (the course and competency pairs of all the gaps' competencies); each gap then
        // keeps its own: courses developing it beyond the assessed level, lowest target level first.
        var gaps = await competencies.CurrentGapsAsync(worker.Id, ct);
        if (gaps.Count > 0)
        {
            var forGaps = (await InChunksAsync<CourseCandidate, string>(TrackSql.ForGaps, TrackSql.ForGapsFew, "C", gaps.Select(g => g.CompetencyCode).Distinct().ToList(),
                new { args.WorkerId, args.OrgPath, args.Now, args.Today }, ct)).ToLookup(c => c.CompetencyCode);
            foreach (var gap in gaps)
            {
                var candidates = forGaps[gap.CompetencyCode].Where(c => c.TargetLevel > gap.AssessedLevel);
                foreach (var course in candidates.Where(c => seen.Add(c.CourseId)).Take(PerReason))
                {
                    var name = Text.Of(gap.NameZh, gap.NameEn);
                    picked.Add((course, new Recommendation
                    {
                        Reason = RecommendationReasons.Gap,
                        Why = Text.Of($"“{name}”评估为 {gap.AssessedLevel} 级，岗位要求 {gap.RequiredLevel} 级；本课程培养到 {course.TargetLevel} 级。",
                            $"'{name}' assessed at level {gap.AssessedLevel}, the post requires {gap.RequiredLevel}; this course develops level {course.TargetLevel}."),
                        CompetencyCode = gap.CompetencyCode, RequiredLevel = gap.RequiredLevel, AssessedLevel = gap.AssessedLevel, TargetLevel = course.TargetLevel,
                    }));
                }
            }
        }

        if (compliance.OverdueMandatory.Count > 0)
        {
            var courses = (await InChunksAsync<CourseCandidate, Guid>(TrackSql.ByIds, TrackSql.ByIdsFew, "I", compliance.OverdueMandatory.Select(o => o.CourseId).Distinct().ToList(),
                new { args.OrgPath }, ct)).ToDictionary(c => c.CourseId);
            foreach (var overdue in compliance.OverdueMandatory)
            {
                if (courses.TryGetValue(overdue.CourseId, out var course) && seen.Add(course.CourseId))
                {
                    picked.Add((course, new Recommendation
                    {
                        Reason = RecommendationReasons.Mandatory,
                        Why = overdue.LastCompletedOn is { } last
                            ? Text.Of($"必修课，上次完成于 {last:yyyy-MM-dd}，已过有效期。", $"Mandatory; last completed {last:yyyy-MM-dd}, now lapsed.")
                            : Text.Of("必修课，尚未完成。", "Mandatory and not yet completed."),
                    }));
                }
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
                picked.Add((course, new Recommendation
                {
                    Reason = RecommendationReasons.ContinuingEducation,
                    Why = Text.Of($"{short_.Name}登记期内继续教育还差 {missing:0.#} 学时（{short_.ExpiresOn:yyyy-MM-dd} 到期）。",
                        $"{missing:0.#} continuing-education hours short in the registration period of {short_.Name} (ends {short_.ExpiresOn:yyyy-MM-dd})."),
                }));
            }
        }
        if (picked.Count == 0)
        {
            return [];
        }

        // The next session of every picked course the worker can still enrol in, in one read.
        var next = (await InChunksAsync<NextSessionRow, Guid>(TrackSql.NextSessions, TrackSql.NextSessionsFew, "I", picked.Select(p => p.Course.CourseId).ToList(),
            args, ct)).ToDictionary(n => n.CourseId);
        return picked.Select(p =>
        {
            var session = next.GetValueOrDefault(p.Course.CourseId);
            return p.Partial with
            {
                CourseId = p.Course.CourseId, CourseCode = p.Course.CourseCode, CourseTitle = p.Course.CourseTitle, Category = p.Course.Category,
                Hours = p.Course.Hours, NextSessionId = session?.Id, NextSessionStartsAt = session?.StartsAt,
                NextSessionOpenEnrolment = session?.OpenEnrolment ?? false,
            };
        }).ToList();
    }

    /// <summary>
    /// Runs <paramref name="sql"/> with <paramref name="values"/> bound to its list slots (<paramref name="prefix"/>0 …, see
    /// <see cref="TrackSql.ListSlots"/>), a chunk at a time, with <paramref name="args"/> as the other parameters; a chunk of
    /// at most <see cref="TrackSql.FewSlots"/> values runs <paramref name="sqlFew"/>, the same query with fewer slots.
    /// </summary>
    private async Task<List<TRow>> InChunksAsync<TRow, TValue>(string sql, string sqlFew, string prefix, IReadOnlyList<TValue> values, object args,
        CancellationToken ct)
    {
        var rows = new List<TRow>();
        foreach (var chunk in values.Chunk(TrackSql.ListSlots))
        {
            var parameters = new DynamicParameters(args);
            var slots = chunk.Length <= TrackSql.FewSlots ? TrackSql.FewSlots : TrackSql.ListSlots;
            for (var i = 0; i < slots; i++)
            {
                parameters.Add(prefix + i, i < chunk.Length ? chunk[i] : null);
            }
            rows.AddRange(await db.QueryAsync<TRow>(slots == TrackSql.FewSlots ? sqlFew : sql, parameters, ct));
        }
        return rows;
    }

    /// <summary>The reads' arguments: the worker, now, today, and the worker's units for the session slots (<see cref="TrackSql.Ancestors"/>).</summary>
    private sealed record Ctx(Guid WorkerId, string OrgPath, DateTimeOffset Now, DateOnly Today)
    {
        private readonly string?[] _units = TrackSql.Ancestors(OrgPath);
        public string? A0 => _units[0];
        public string? A1 => _units[1];
        public string? A2 => _units[2];
        public string? A3 => _units[3];
        public string? A4 => _units[4];
        public string? A5 => _units[5];
    }
}
