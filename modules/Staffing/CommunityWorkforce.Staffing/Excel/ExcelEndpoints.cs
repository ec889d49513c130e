using CommunityWorkforce.Staffing.Codes;
using CommunityWorkforce.Staffing.OrgUnits;
using CommunityWorkforce.Staffing.Workers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MiniExcelLibs;

namespace CommunityWorkforce.Staffing.Excel;

/// <summary>
/// Roster in and out of Excel: a template, a dry run with a per-cell error report (JSON or .xlsx), an all-or-nothing
/// import, and exports of the filtered roster with ID numbers masked (unmasked only for HR with a reason). Every export
/// is audited.
/// </summary>
internal static class ExcelEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string ImportInvalid = "urn:cw:problem:import-invalid";

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/staffing/workers").WithTags("Roster Excel");
        group.MapGet("/import-template", Template).RequireAuthorization(Policies.HrOrAdmin).WithName("GetRosterImportTemplate")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx);
        group.MapUpload<UploadForm>("/import/check", CheckImport, Policies.HrOrAdmin, RosterSheet.MaxFileBytes).WithName("CheckRosterImport");
        group.MapUpload<UploadForm>("/import", ImportRoster.Handle, Policies.HrOrAdmin, RosterSheet.MaxFileBytes).WithName("ImportRoster")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapUpload<UploadForm>("/import/error-report", ErrorReport, Policies.HrOrAdmin, RosterSheet.MaxFileBytes)
            .WithName("GetRosterImportErrorReport").Produces(StatusCodes.Status200OK, contentType: Xlsx);
        group.MapGet("/export", Export).RequireAuthorization(Policies.Staff).WithName("ExportRoster")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx);
        group.MapPost("/export-with-ids", ExportWithIds).RequireAuthorization(Policies.HrOrAdmin).WithName("ExportRosterWithIdNumbers")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx);
    }

    private static FileContentHttpResult Template()
    {
        var header = new Dictionary<string, object?>();
        foreach (var column in RosterSheet.Columns)
        {
            header[column] = null;
        }
        var guide = RosterSheet.Columns.Select(c => new Dictionary<string, object?>
        {
            ["列名"] = c,
            ["是否必填"] = RosterSheet.Required.Contains(c) ? "必填" : "选填",
            ["填写说明"] = c switch
            {
                RosterSheet.StaffNo => "留空则自动生成（CW+6位数字）",
                RosterSheet.IdNumber => "18位公民身份号码，请将单元格设为文本格式；性别与出生日期自动从中读取",
                RosterSheet.EthnicGroup => "GB/T 3304 代码或名称，如 01 或 汉族",
                RosterSheet.PoliticalStatus => "GB/T 4762 代码或名称，如 01 或 中共党员、13 或 群众",
                RosterSheet.Education => "GB/T 4658 代码或名称，如 21 或 大学本科毕业",
                RosterSheet.Phone => "11位大陆手机号",
                RosterSheet.HireDate or RosterSheet.ServiceStartDate or RosterSheet.PostingStart => "日期，如 2024-03-01；社区工作起始日期不晚于入职日期",
                RosterSheet.OrgUnitCode => "所属居委会或中心的单位编码，如 310106021001",
                RosterSheet.PostTitle => "选填：该单位已有的岗位名称，填写后同时建立任职（受编制限制）",
                _ => "",
            },
        }).ToList();
        var codes = NationalCodes.PoliticalStatus.Select(c => new Dictionary<string, object?> { ["类别"] = "政治面貌", ["代码"] = c.Code, ["名称"] = c.Name })
            .Concat(NationalCodes.Education.Select(c => new Dictionary<string, object?> { ["类别"] = "学历", ["代码"] = c.Code, ["名称"] = c.Name }))
            .Concat(NationalCodes.EthnicGroup.Select(c => new Dictionary<string, object?> { ["类别"] = "民族", ["代码"] = c.Code, ["名称"] = c.Name }))
            .ToList();
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, new Dictionary<string, object>
        {
            ["花名册"] = new[] { header },
            ["填写说明"] = guide,
            ["代码表"] = codes,
        });
        return TypedResults.File(buffer.ToArray(), Xlsx, "花名册导入模板.xlsx");
    }

    /// <summary>Checks the file and reports every row's problems; writes nothing.</summary>
    private static async Task<Results<Ok<ImportReport>, ValidationProblem, ProblemHttpResult>> CheckImport(
        HttpRequest request, RosterImport import, CancellationToken ct)
    {
        var file = await FileOf(request, ct);
        var (content, invalid, refused) = await Upload(file, request, ct);
        if (invalid is not null)
        {
            return invalid;
        }
        if (content is null)
        {
            return refused!;
        }
        await using (content)
        {
            var (report, _) = await import.CheckAsync(content, ct);
            return TypedResults.Ok(report);
        }
    }


    /// <summary>The uploaded rows with a result column: what is wrong in each row, or 通过.</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ErrorReport(
        HttpRequest request, DbSession db, RosterImport import, CancellationToken ct)
    {
        var file = await FileOf(request, ct);
        var (content, invalid, refused) = await Upload(file, request, ct);
        if (invalid is not null)
        {
            return invalid;
        }
        if (content is null)
        {
            return refused!;
        }
        await using (content)
        {
            var (report, rows) = await import.CheckAsync(content, ct);
            var byRow = report.Errors.GroupBy(e => e.Row).ToDictionary(g => g.Key, g => string.Join("；", g.Select(e => $"【{e.Column}】{e.Message}")));
            var output = rows.Select(r =>
            {
                var line = new Dictionary<string, object?> { ["行号"] = r.Number };
                foreach (var column in RosterSheet.Columns)
                {
                    line[column] = RosterSheet.TextOf(r.Cells, column);
                }
                line["校验结果"] = byRow.GetValueOrDefault(r.Number, "通过");
                return line;
            }).ToList();
            if (output.Count == 0)
            {
                output.Add(new Dictionary<string, object?> { ["行号"] = 0, ["校验结果"] = string.Join("；", report.Errors.Select(e => e.Message)) });
            }
            using var buffer = new MemoryStream();
            MiniExcel.SaveAs(buffer, output, sheetName: "校验结果");
            return TypedResults.File(buffer.ToArray(), Xlsx, "花名册导入校验结果.xlsx");
        }
    }

    private static async Task<Results<FileStreamHttpResult, ValidationProblem, NotFound>> Export(
        [AsParameters] PageQuery page, [AsParameters] WorkerListQuery filter, DbSession db, CurrentUser user, AuditWriter audit,
        TimeProvider clock, CancellationToken ct) =>
        await ExportCore(page, filter, reveal: null, db, user, audit, clock, ct);

    private static async Task<Results<FileStreamHttpResult, ValidationProblem, NotFound>> ExportWithIds(
        [AsParameters] PageQuery page, [AsParameters] WorkerListQuery filter, RevealIdRequest request, DbSession db,
        CurrentUser user, WorkerWriter writer, AuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator().Required("reason", request.Reason, 500, minLength: 2);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        return await ExportCore(page, filter, (writer, request.Reason!.Trim()), db, user, audit, clock, ct);
    }

    /// <summary>
    /// Streams the filtered roster into a temporary file (rows are read one at a time, so memory stays flat for a
    /// whole city) and sends it. The export and its row count are audited in the same transaction as the read.
    /// </summary>
    private static async Task<Results<FileStreamHttpResult, ValidationProblem, NotFound>> ExportCore(
        PageQuery page, WorkerListQuery filter, (WorkerWriter Writer, string Reason)? reveal, DbSession db, CurrentUser user,
        AuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        var validator = RosterRequest.Check(new Validator(), page, filter);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var today = LocalDate.Today(clock);
        if (await RosterRequest.ResolveAsync(db, user, page, filter, today, ct) is not { } roster)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
        var rows = await db.QueryStreamAsync<WorkerRow>(roster.ExportSql, roster.Args, ct);
        var count = 0;
        var lines = rows.Select(w =>
        {
            count++;
            return new Dictionary<string, object?>
            {
                ["工号"] = w.StaffNo, ["姓名"] = w.Name,
                ["身份证号"] = reveal is { } r ? r.Writer.Reveal(w) : w.IdNumberMasked,
                ["性别"] = NationalCodes.Find(NationalCodes.Gender, w.Gender)?.Name,
                ["出生日期"] = w.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["民族"] = NationalCodes.Find(NationalCodes.EthnicGroup, w.EthnicGroup)?.Name,
                ["政治面貌"] = NationalCodes.Find(NationalCodes.PoliticalStatus, w.PoliticalStatus)?.Name,
                ["学历"] = NationalCodes.Find(NationalCodes.Education, w.Education)?.Name,
                ["手机号"] = w.Phone,
                ["入职日期"] = w.HireDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["社区工作起始日期"] = w.ServiceStartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["工作年限"] = WorkerRules.Years(w.ServiceStartDate, today),
                ["所属单位"] = w.OrgUnitName,
                ["主岗位"] = w.PrimaryPostTitle,
                ["状态"] = w.Status switch { WorkerRules.Active => "在岗", WorkerRules.OnLeave => "休假", _ => "离职" },
            };
        });
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose);
        await MiniExcel.SaveAsAsync(file, lines, sheetName: "花名册", cancellationToken: ct);
        await audit.WriteAsync(new AuditEntry(reveal is null ? "staffing.worker.exported" : "staffing.worker.exported-with-ids",
            "worker-export", null, user.ScopePath, new { rows = count, filter, q = page.Q }, reveal?.Reason), ct);
        await tx.CommitAsync(ct);
        file.Position = 0;
        var stamp = clock.GetUtcNow().AddHours(8).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(file, Xlsx, $"花名册-{stamp}.xlsx");
    }

    /// <summary>The uploaded file (form field <c>file</c>), or null when the request is not a multipart form.</summary>
    internal static async Task<IFormFile?> FileOf(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }
        try
        {
            return (await request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            // A truncated or malformed multipart body: treated as "no file", which Upload answers with 400.
            return null;
        }
    }

    internal static async Task<(MemoryStream? Content, ValidationProblem? Invalid, ProblemHttpResult? Refused)> Upload(
        IFormFile? file, HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return (null, null, Uploads.NotMultipart());
        }
        if (file is null || file.Length == 0)
        {
            return (null, new Validator().Add("file", Text.Of("请选择要导入的 .xlsx 文件。", "Choose an .xlsx file to import.")).ToProblem(), null);
        }
        if (file.Length > RosterSheet.MaxFileBytes)
        {
            return (null, null, TypedResults.Problem(Text.Of("文件超过 10 MB。", "The file exceeds 10 MB."), statusCode: StatusCodes.Status413PayloadTooLarge,
                title: Text.Of("文件过大", "File too large"), type: ProblemTypes.MalformedRequest));
        }
        if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null, TypedResults.Problem(Text.Of("只接受 .xlsx 文件。", "Only .xlsx files are accepted."),
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: Text.Of("文件类型不支持", "Unsupported file type"),
                type: ProblemTypes.MalformedRequest));
        }
        var content = new MemoryStream();
        await file.CopyToAsync(content, ct);
        content.Position = 0;
        if (RosterSheet.CheckPackage(content) is { } problem)
        {
            await content.DisposeAsync();
            return (null, null, TypedResults.Problem(problem, statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: Text.Of("文件类型不支持", "Unsupported file type"), type: ProblemTypes.MalformedRequest));
        }
        return (content, null, null);
    }
}

/// <summary>The upload form: one .xlsx in the field <c>file</c>.</summary>
public sealed record UploadForm(IFormFile File);
