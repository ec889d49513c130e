namespace CommunityWorkforce.Staffing.OrgUnits;

/// <summary>Renames a unit or changes its households and population (the staffing norm's inputs).</summary>
internal static class UpdateOrgUnit
{
    public static async Task<Results<Ok<OrgUnitResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, UpdateOrgUnitRequest request, HttpContext http, [AsParameters] WriteContext write, IMapper mapper, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator()
            .Required("name", request.Name, 100)
            .Range("households", request.Households, 0, 10_000_000)
            .Range("population", request.Population, 0, 50_000_000)
            .Version(expected);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }

        var row = await OrgUnitLookup.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
        var name = request.Name!.Trim();
        if (name != row.Name && await db.ExecuteScalarAsync<int>(OrgUnitSql.SiblingNameExists,
                new { Name = name, row.ParentId, Id = id }, ct) > 0)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("名称重复", "Name already used"),
                Text.Of($"同一上级下已有名为“{name}”的单位。", $"A unit named '{name}' already exists under this parent."),
                new Dictionary<string, object?> { ["field"] = "name" });
        }
        var changed = await db.ExecuteAsync(OrgUnitSql.Update, new
        {
            Id = id, Name = name, request.Households, request.Population, Version = expected.Value,
            Now = clock.GetUtcNow(),
        }, ct);
        if (changed == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("staffing.org-unit.updated", "org-unit", id, row.Path, new
        {
            before = new { row.Name, row.Households, row.Population },
            after = new { name, request.Households, request.Population },
        }), ct);
        await tx.CommitAsync(ct);
        var updated = await db.QuerySingleOrDefaultAsync<OrgUnitRow>(OrgUnitSql.GetUnscoped, new { Id = id }, ct);
        ExpectedVersion.SetETag(http, updated!.Version);
        return TypedResults.Ok(mapper.Map<OrgUnitResponse>(updated));
    }
}
