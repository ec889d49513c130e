using CommunityWorkforce.BuildingBlocks.Data;

namespace CommunityWorkforce.CompetencyFramework.Frameworks;

/// <summary>Reads a framework version's content and writes a draft's (inside the caller's transaction).</summary>
internal sealed class FrameworkStore(DbSession db)
{
    public Task<FrameworkRow?> FindAsync(Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<FrameworkRow>(FrameworkSql.Get, new { Id = id }, ct);

    public async Task<FrameworkResponse> ResponseAsync(FrameworkRow row, CancellationToken ct)
    {
        var dimensions = await db.QueryAsync<DimensionRow>(FrameworkSql.Dimensions, new { row.Id }, ct);
        var competencies = await db.QueryAsync<CompetencyRow>(FrameworkSql.Competencies, new { row.Id }, ct);
        var levels = (await db.QueryAsync<LevelRow>(FrameworkSql.Levels, new { row.Id }, ct)).ToLookup(l => l.CompetencyId);
        return new FrameworkResponse
        {
            Framework = row.ToSummary(),
            Dimensions = dimensions.Select(d => new DimensionResponse
            {
                Id = d.Id, Code = d.Code, NameZh = d.NameZh, NameEn = d.NameEn,
                Competencies = competencies.Where(c => c.DimensionId == d.Id).Select(c => new CompetencyResponse
                {
                    Id = c.Id, Code = c.Code, NameZh = c.NameZh, NameEn = c.NameEn,
                    Levels = levels[c.Id].Select(l => new LevelResponse { Level = l.Level, IndicatorZh = l.IndicatorZh, IndicatorEn = l.IndicatorEn }).ToList(),
                }).ToList(),
            }).ToList(),
        };
    }

    public static FrameworkDoc ToDoc(FrameworkResponse framework) => new(framework.Dimensions.Select(d =>
        new DimensionDoc(d.Code, d.NameZh, d.NameEn, d.Competencies.Select(c =>
            new CompetencyDoc(c.Code, c.NameZh, c.NameEn, c.Levels.Select(l => new LevelDoc(l.Level, l.IndicatorZh, l.IndicatorEn)).ToList())).ToList())).ToList());

    /// <summary>Replaces the content of a draft (the caller has already re-checked that it is one).</summary>
    public async Task WriteContentAsync(Guid frameworkId, FrameworkDoc doc, CancellationToken ct)
    {
        await db.ExecuteAsync(FrameworkSql.DeleteLevels, new { Id = frameworkId }, ct);
        await db.ExecuteAsync(FrameworkSql.DeleteCompetencies, new { Id = frameworkId }, ct);
        await db.ExecuteAsync(FrameworkSql.DeleteDimensions, new { Id = frameworkId }, ct);
        var levels = new List<object>();
        for (var d = 0; d < doc.Dimensions.Count; d++)
        {
            var dimension = doc.Dimensions[d];
            var dimensionId = Guid.NewGuid();
            await db.ExecuteAsync(FrameworkSql.InsertDimension, new
            {
                Id = dimensionId, FrameworkId = frameworkId, dimension.Code, dimension.NameZh, dimension.NameEn, SortOrder = d,
            }, ct);
            var competencies = new List<object>();
            for (var c = 0; c < dimension.Competencies.Count; c++)
            {
                var competency = dimension.Competencies[c];
                var competencyId = Guid.NewGuid();
                competencies.Add(new
                {
                    Id = competencyId, FrameworkId = frameworkId, DimensionId = dimensionId, competency.Code, competency.NameZh,
                    competency.NameEn, SortOrder = c,
                });
                levels.AddRange(competency.Levels.Select(l => new { CompetencyId = competencyId, l.Level, l.IndicatorZh, l.IndicatorEn }));
            }
            await db.ExecuteAsync(FrameworkSql.InsertCompetency, competencies, ct);
        }
        await db.ExecuteAsync(FrameworkSql.InsertLevel, levels, ct);
    }
}
