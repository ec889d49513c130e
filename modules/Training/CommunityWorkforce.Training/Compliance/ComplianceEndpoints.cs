using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using MiniExcelLibs;

namespace CommunityWorkforce.Training.Compliance;

/// <summary>达标情况 — a unit's training compliance this year: who falls short of the hours or misses a mandatory course.</summary>
internal static class ComplianceEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/training/compliance").WithTags("Training compliance");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff).WithName("ListTrainingCompliance");
        group.MapGet("/summary", Summary).RequireAuthorization(Policies.Staff).WithName("GetTrainingComplianceSummary");
        group.MapGet("/export", Export).RequireAuthorization(Policies.Staff).WithName("ExportTrainingCompliance")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx);
    }

    private static Validator Validate(PageQuery page, ComplianceQuery query, TimeProvider clock)
    {
        var validator = new Validator();
        page.Validate(validator, ComplianceReader.Sortable);
        var year = LocalDate.Today(clock).Year;
        return validator.OneOf("status", query.Status, ["compliant", "noncompliant"])
            .Range("year", query.Year, 2000, year + 1);
    }

    private static async Task<Results<Ok<PagedResult<ComplianceItem>>, ValidationProblem, NotFound>> List(
        [AsParameters] PageQuery page, [AsParameters] ComplianceQuery query, ComplianceReader reader, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var validator = Validate(page, query, clock);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = await reader.ArgsAsync(user, query, page, ct);
        if (args is null)
        {
            return TypedResults.NotFound();
        }
        var (total, rows) = await reader.ReportAsync(args, page.OrderBy(ComplianceReader.Sortable, "staffNo", "x.WorkerId"), ct);
        return TypedResults.Ok(new PagedResult<ComplianceItem>(rows, total, page.PageNumber, page.Size));
    }

    private static async Task<Results<Ok<ComplianceSummary>, ValidationProblem, NotFound>> Summary(
        [AsParameters] ComplianceQuery query, ComplianceReader reader, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var page = new PageQuery();
        var validator = Validate(page, query, clock);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = await reader.ArgsAsync(user, query with { Status = null }, page, ct);
        if (args is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await reader.SummaryAsync(args, query.Year ?? reader.Today.Year, ct));
    }

    /// <summary>The report as .xlsx: every row the list would page through, in its order. The export is audited.</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound>> Export(
        [AsParameters] PageQuery page, [AsParameters] ComplianceQuery query, ComplianceReader reader, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var validator = Validate(page with { Page = 1, PageSize = 1 }, query, clock);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = await reader.ArgsAsync(user, query, page, ct);
        if (args is null)
        {
            return TypedResults.NotFound();
        }
        args["Skip"] = 0;
        args["Take"] = int.MaxValue;
        var rows = await reader.PageAsync(args, page.OrderBy(ComplianceReader.Sortable, "staffNo", "x.WorkerId"), ct);
        var year = query.Year ?? reader.Today.Year;
        var lines = rows.Select(r => new Dictionary<string, object?>
        {
            ["工号"] = r.StaffNo, ["姓名"] = r.WorkerName, ["单位"] = r.OrgUnitName, ["岗位类型"] = r.PostType,
            [$"{year}年已修学时"] = r.HoursDone, ["应修学时"] = r.HoursRequired, ["未完成必修课"] = r.OverdueMandatory,
            ["是否达标"] = r.Compliant ? "达标" : "未达标",
        }).ToList();
        using var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, lines, sheetName: "培训达标", cancellationToken: ct);
        await using (var tx = await db.BeginAsync(ct))
        {
            await audit.WriteAsync(new AuditEntry("training.compliance.exported", "training-compliance", query.OrgUnitId, user.ScopePath ?? "/",
                new { year, query.Status, rows = lines.Count }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.File(buffer.ToArray(), Xlsx, $"培训达标-{year}.xlsx");
    }
}
