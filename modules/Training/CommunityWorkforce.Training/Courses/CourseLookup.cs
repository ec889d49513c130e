namespace CommunityWorkforce.Training.Courses;

/// <summary>Course reads other Training features need (sessions, recommendations), scoped to the caller.</summary>
internal static class CourseLookup
{

    /// <summary>The path the caller sits at: courses for a unit above it are visible too.</summary>
    public static string MyPath(CurrentUser user) => user.ScopePath ?? ScopeArgs.NoPath;

    public static Task<CourseRow?> FindVisible(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<CourseRow>(CourseSql.Get, new { Id = id, Scope = user.ScopePattern, MyPath = MyPath(user) }, ct);

    public static async Task<IReadOnlyList<CompetencyRow>> CompetenciesOf(DbSession db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var rows = new List<CompetencyRow>();
        foreach (var id in ids.Distinct())
        {
            rows.AddRange(await db.QueryAsync<CompetencyRow>(CourseSql.CompetenciesOf, new { Id = id }, ct));
        }
        return rows;
    }

    public static async Task<CourseResponse?> Response(DbSession db, CurrentUser user, Guid id, CancellationToken ct)
    {
        var row = await FindVisible(db, user, id, ct);
        return row is null ? null : row.ToResponse(await CompetenciesOf(db, [row.Id], ct));
    }
}
