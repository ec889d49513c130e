namespace CommunityWorkforce.Staffing.OrgUnits;

/// <summary>撤销 — closes a unit with no active children, on a date no earlier than it was recorded.</summary>
internal static class CloseOrgUnit
{
    public static async Task<Results<Ok<OrgUnitResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, CloseOrgUnitRequest request, HttpContext http, [AsParameters] WriteContext write, IMapper mapper, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator()
            .Required("closedOn", request.ClosedOn)
            .Required("reason", request.Reason, 500)
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
        if (!user.IsAdmin && row.Path == user.ScopePath)
        {
            return Problems.Forbidden(Text.Of("不能撤销本人管辖范围的根单位。", "You cannot close the root of your own scope."));
        }
        if (row.Status == OrgUnitRules.Closed)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("单位已撤销", "Already closed"),
                Text.Of("该单位已经撤销。", "This unit is already closed."));
        }
        // The unit's own start is when it was recorded here (no earlier founding date is kept); the UTC date of that
        // instant is the earliest calendar date it can have had in any time zone.
        if (request.ClosedOn < DateOnly.FromDateTime(row.CreatedAt.UtcDateTime))
        {
            return new Validator().Add("closedOn", Text.Of($"撤销日期不能早于单位建立日期（{row.CreatedAt.UtcDateTime:yyyy-MM-dd}）。",
                $"A unit cannot close before it was established ({row.CreatedAt.UtcDateTime:yyyy-MM-dd}).")).ToProblem();
        }
        if (await db.ExecuteScalarAsync<int>(OrgUnitSql.ActiveChildren, new { Id = id }, ct) > 0)
        {
            return HasActiveChildren();
        }
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteAsync(OrgUnitSql.Close, new
            {
                Id = id, request.ClosedOn, Reason = request.Reason!.Trim(), Version = expected.Value,
                Now = clock.GetUtcNow(),
            }, ct) == 0)
        {
            return await db.ExecuteScalarAsync<int>(OrgUnitSql.ActiveChildren, new { Id = id }, ct) > 0
                ? HasActiveChildren()
                : Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("staffing.org-unit.closed", "org-unit", id, row.Path,
            new { request.ClosedOn }, request.Reason), ct);
        await tx.CommitAsync(ct);
        var closed = await db.QuerySingleOrDefaultAsync<OrgUnitRow>(OrgUnitSql.GetUnscoped, new { Id = id }, ct);
        ExpectedVersion.SetETag(http, closed!.Version);
        return TypedResults.Ok(mapper.Map<OrgUnitResponse>(closed));
    }

    private static ProblemHttpResult HasActiveChildren() => Problems.Conflict("urn:cw:problem:org-unit-has-active-children",
        Text.Of("仍有下级单位", "Unit has active children"),
        Text.Of("请先撤销或移走全部下级单位。", "Close or move its active child units first."));
}
