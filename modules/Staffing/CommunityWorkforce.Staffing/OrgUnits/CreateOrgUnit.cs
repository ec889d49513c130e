namespace CommunityWorkforce.Staffing.OrgUnits;

/// <summary>新建单位 — HR creates a unit under a parent in their scope (admin may create a root).</summary>
internal static class CreateOrgUnit
{
    public static async Task<Results<Created<OrgUnitResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        CreateOrgUnitRequest request, [AsParameters] WriteContext write, IMapper mapper, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var validator = new Validator()
            .Required("code", request.Code, 20)
            .Matches("code", request.Code, OrgUnitRules.CodePattern(), "编码只能包含字母、数字和连字符，最多 20 位。",
                "Code: letters, digits and dashes, at most 20.")
            .Required("name", request.Name, 100)
            .Required("level", request.Level, 20)
            .OneOf("level", request.Level, OrgLevels.All)
            .Range("households", request.Households, 0, 10_000_000)
            .Range("population", request.Population, 0, 50_000_000);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }

        OrgUnitRow? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await OrgUnitLookup.FindInScope(db, user, parentId, ct);
            if (parent is null)
            {
                return TypedResults.NotFound();
            }
        }
        else if (!user.IsAdmin)
        {
            return new Validator().Add("parentId", Text.Of("必须选择上级单位。", "A parent unit is required.")).ToProblem();
        }
        if (parent is { Status: OrgUnitRules.Closed })
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("上级单位已撤销", "Parent unit is closed"),
                Text.Of("不能在已撤销的单位下新建单位。", "Units cannot be created under a closed unit."));
        }
        if (!OrgUnitRules.MayContain(parent?.Level, request.Level!))
        {
            return new Validator().Add("level", Text.Of(
                $"“{OrgUnitRules.LevelName(parent?.Level)}”下不能设立“{OrgUnitRules.LevelName(request.Level)}”。",
                $"A {request.Level} cannot sit under {parent?.Level ?? "the root"}.")).ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var code = request.Code!.Trim();
        var name = request.Name!.Trim();
        if (await db.ExecuteScalarAsync<int>(OrgUnitSql.CodeExists, new { Code = code }, ct) > 0)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("编码已存在", "Code already exists"),
                Text.Of($"编码 {code} 已被其他单位使用。", $"Code {code} is already used by another unit."),
                new Dictionary<string, object?> { ["field"] = "code" });
        }
        if (await db.ExecuteScalarAsync<int>(OrgUnitSql.SiblingNameExists,
                new { Name = name, ParentId = parent?.Id, Id = Guid.Empty }, ct) > 0)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("名称重复", "Name already used"),
                Text.Of($"同一上级下已有名为“{name}”的单位。", $"A unit named '{name}' already exists under this parent."),
                new Dictionary<string, object?> { ["field"] = "name" });
        }

        var id = Guid.NewGuid();
        var path = OrgUnitRules.PathOf(parent?.Path, code);
        await db.ExecuteAsync(OrgUnitSql.Insert, new
        {
            Id = id, Code = code, Name = name, request.Level, ParentId = parent?.Id, Path = path,
            Depth = OrgUnitRules.DepthOf(path), request.Households, request.Population, IsDemo = false,
            Now = clock.GetUtcNow(),
        }, ct);
        await audit.WriteAsync(new AuditEntry("staffing.org-unit.created", "org-unit", id, path,
            new { code, name, request.Level, request.Households, request.Population }), ct);
        await tx.CommitAsync(ct);
        var created = await db.QuerySingleOrDefaultAsync<OrgUnitRow>(OrgUnitSql.GetUnscoped, new { Id = id }, ct);
        return TypedResults.Created($"/api/staffing/org-units/{id}", mapper.Map<OrgUnitResponse>(created));
    }
}
