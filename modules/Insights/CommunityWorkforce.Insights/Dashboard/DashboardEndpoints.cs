using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.Insights.Scope;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using MiniExcelLibs;

namespace CommunityWorkforce.Insights.Dashboard;

/// <summary>结构看板 — a unit's workforce structure with drill-down into its children, and its .xlsx export.</summary>
internal static class DashboardEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/insights").WithTags("Insights");
        group.MapGet("/home", Home).RequireAuthorization(Policies.Staff).WithName("GetInsightsHome")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/org-units/{id:guid}/dashboard", Get).RequireAuthorization(Policies.Staff).WithName("GetStructureDashboard");
        group.MapGet("/org-units/{id:guid}/dashboard/export", Export).RequireAuthorization(Policies.Staff).WithName("ExportStructureDashboard")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx);
    }

    /// <summary>
    /// The unit the caller's insights start from: their own scope's unit (the city for admin). An account with no org
    /// scope gets a 403 problem that says so (not a bare 404).
    /// </summary>
    private static async Task<Results<Ok<UnitRef>, ProblemHttpResult>> Home(InsightsScope scope, CancellationToken ct) =>
        await scope.HomeAsync(ct) is { } unit
            ? TypedResults.Ok(unit)
            : Problems.Forbidden(Text.Of("您的账号未分配组织范围（或其单位已不存在），无法查看队伍分析。请联系系统管理员分配所属单位。",
                "Your account has no org scope (or its unit no longer exists), so there is nothing to analyse. Ask the administrator to assign your unit."));

    private static async Task<Results<Ok<DashboardResponse>, NotFound>> Get(Guid id, InsightsScope scope, DashboardReader reader, CancellationToken ct)
    {
        var unit = await scope.FindAsync(id, ct);
        return unit is null ? TypedResults.NotFound() : TypedResults.Ok(await reader.ReadAsync(unit, ct));
    }

    /// <summary>Every table of the dashboard as one sheet each; the export is audited.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> Export(Guid id, InsightsScope scope, DashboardReader reader,
        [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, _) = write;
        var unit = await scope.FindAsync(id, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }
        var d = await reader.ReadAsync(unit, ct);
        var sheets = new Dictionary<string, object>
        {
            ["概况"] = new List<Dictionary<string, object?>>
            {
                Row("单位", d.Unit.Name), Row("统计日期", d.AsOf.ToString("yyyy-MM-dd")), Row("在册人数", d.Headcount),
                Row("社工持证人数", d.Certification.Certified), Row("社工持证率", d.Certification.Rate), Row("持证率目标", d.Certification.Target),
                Row("全岗通人数", d.AllRound.Certified), Row("全岗通覆盖率", d.AllRound.Rate),
                Row("编制数", d.Vacancy.Quota), Row("在岗数", d.Vacancy.Filled), Row("空编数", d.Vacancy.Vacant), Row("空编率", d.Vacancy.Rate),
                Row("未定级人数", d.Ungraded), Row("最近年度考核", d.Appraisal.Year?.ToString() ?? "—"),
            },
            ["下级单位"] = d.Children.Select(c => new Dictionary<string, object?> { ["代码"] = c.Code, ["名称"] = c.Name, ["层级"] = c.Level, ["在册人数"] = c.Headcount }).ToList(),
            ["年龄结构"] = d.AgePyramid.Select(a => new Dictionary<string, object?> { ["年龄段"] = a.Band, ["男"] = a.Male, ["女"] = a.Female, ["其他"] = a.Other }).ToList(),
            ["学历"] = Counts(d.Education, "学历代码"),
            ["政治面貌"] = Counts(d.Political, "政治面貌"),
            ["工作年限"] = Counts(d.Service, "年限段"),
            ["全岗通"] = d.AllRound.Lines.Select(l => new Dictionary<string, object?> { ["条线代码"] = l.Key, ["服务条线"] = l.NameZh, ["人数"] = l.Count }).ToList(),
            ["岗位等级"] = d.Grades.Select(g => new Dictionary<string, object?> { ["岗位类型"] = g.PostType, ["等级"] = g.Level, ["人数"] = g.Count }).ToList(),
            ["考核等次"] = Counts(d.Appraisal.Grades, "等次"),
        };
        using var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, sheets, cancellationToken: ct);
        await using (var tx = await db.BeginAsync(ct))
        {
            await audit.WriteAsync(new AuditEntry("insights.dashboard.exported", "org-unit", unit.Id, unit.Path, new { d.Headcount }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.File(buffer.ToArray(), Xlsx, $"队伍结构-{unit.Code}-{d.AsOf:yyyyMMdd}.xlsx");
    }

    private static Dictionary<string, object?> Row(string item, object? value) => new() { ["项目"] = item, ["数值"] = value };

    private static List<Dictionary<string, object?>> Counts(IEnumerable<KeyCount> counts, string key) =>
        counts.Select(c => new Dictionary<string, object?> { [key] = c.Key, ["人数"] = c.Count }).ToList();
}
