namespace CommunityWorkforce.Staffing.OrgUnits;

/// <summary>Moves a unit and its subtree under a new parent; paths below it and the roster index follow in the same transaction.</summary>
internal static class MoveOrgUnit
{
    public static async Task<Results<Ok<OrgUnitResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, MoveOrgUnitRequest request, HttpContext http, [AsParameters] WriteContext write, Workers.RosterIndex index,
        IMapper mapper, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator()
            .Required("newParentId", request.NewParentId)
            .Version(expected);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }

        var row = await OrgUnitLookup.FindInScope(db, user, id, ct);
        var newParent = await OrgUnitLookup.FindInScope(db, user, request.NewParentId!.Value, ct);
        if (row is null || newParent is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.IsAdmin && row.Path == user.ScopePath)
        {
            return Problems.Forbidden(Text.Of("不能移动本人管辖范围的根单位。", "You cannot move the root of your own scope."));
        }
        if (OrgUnitRules.IsWithin(newParent.Path, row.Path))
        {
            return new Validator().Add("newParentId", Text.Of("不能移动到自身或其下级单位之下。",
                "A unit cannot be moved under itself or its descendants.")).ToProblem();
        }
        if (!OrgUnitRules.MayContain(newParent.Level, row.Level))
        {
            return new Validator().Add("newParentId", Text.Of(
                $"“{OrgUnitRules.LevelName(newParent.Level)}”下不能设立“{OrgUnitRules.LevelName(row.Level)}”。",
                $"A {row.Level} cannot sit under a {newParent.Level}.")).ToProblem();
        }
        if (newParent.Status == OrgUnitRules.Closed)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("目标单位已撤销", "Target unit is closed"),
                Text.Of("不能移动到已撤销的单位之下。", "Units cannot be moved under a closed unit."));
        }
        if (row.ParentId == newParent.Id)
        {
            return TypedResults.Ok(mapper.Map<OrgUnitResponse>(row));
        }

        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(OrgUnitSql.SetParent,
                new { Id = id, NewParentId = newParent.Id, NewParentPath = newParent.Path, Version = expected.Value }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        var newPath = OrgUnitRules.PathOf(newParent.Path, row.Code);
        var move = new
        {
            NewPath = newPath,
            OldPathLength = row.Path.Length,
            OldPathPattern = row.Path + "%",
            DepthDelta = OrgUnitRules.DepthOf(newPath) - row.Depth,
            Now = clock.GetUtcNow(),
        };
        await db.ExecuteAsync(OrgUnitSql.MoveSubtree, move, ct);
        await index.MoveSubtreeAsync(row.Path, newPath, ct);
        await audit.WriteAsync(new AuditEntry("staffing.org-unit.moved", "org-unit", id, newPath,
            new { fromParentId = row.ParentId, toParentId = newParent.Id, fromPath = row.Path, toPath = newPath }), ct);
        await tx.CommitAsync(ct);
        var moved = await db.QuerySingleOrDefaultAsync<OrgUnitRow>(OrgUnitSql.GetUnscoped, new { Id = id }, ct);
        ExpectedVersion.SetETag(http, moved!.Version);
        return TypedResults.Ok(mapper.Map<OrgUnitResponse>(moved));
    }
}
