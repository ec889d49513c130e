using CommunityWorkforce.Staffing.Codes;
using CommunityWorkforce.Staffing.OrgUnits;
using CommunityWorkforce.Staffing.Workers;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace CommunityWorkforce.Staffing.Excel;

/// <summary>Imports a checked roster workbook in one transaction: every row or none.</summary>
internal static class ImportRoster
{
    /// <summary>Checks the file and imports all of its rows, or none when any row is wrong.</summary>
    public static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpRequest request, DbSession db, RosterImport import, CancellationToken ct)
    {
        var file = await ExcelEndpoints.FileOf(request, ct);
        var (content, invalid, refused) = await ExcelEndpoints.Upload(file, request, ct);
        if (invalid is not null)
        {
            return invalid;
        }
        if (content is null)
        {
            return refused!;
        }
        await using (content)
        await using (var tx = await db.BeginAsync(ct))
        {
            var (report, rows) = await import.CheckAsync(content, ct);
            if (report.Errors.Count > 0)
            {
                return TypedResults.Problem(
                    Text.Of($"共 {report.TotalRows} 行，{report.Errors.Count} 处错误，未导入任何数据。请修正后重新导入。",
                        $"{report.TotalRows} rows, {report.Errors.Count} errors; nothing was imported. Fix them and import again."),
                    statusCode: StatusCodes.Status422UnprocessableEntity, title: Text.Of("导入数据有误", "The sheet has errors"),
                    type: ExcelEndpoints.ImportInvalid,
                    extensions: new Dictionary<string, object?> { ["totalRows"] = report.TotalRows, ["rowErrors"] = report.Errors });
            }
            var result = await import.WriteAsync(rows, file!.FileName, ct);
            await tx.CommitAsync(ct);
            return TypedResults.Ok(result);
        }
    }
}
