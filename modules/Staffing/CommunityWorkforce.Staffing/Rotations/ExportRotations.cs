using System.Globalization;
using MiniExcelLibs;

namespace CommunityWorkforce.Staffing.Rotations;

/// <summary>
/// 轮岗申请导出 — the filtered rotation requests as .xlsx: the list's own request (same filters, scope and order), every
/// matching request rather than one page. The export and its row count are audited in the same transaction as the read.
/// </summary>
internal static class ExportRotations
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<Results<FileStreamHttpResult, ValidationProblem, NotFound>> Handle(
        [AsParameters] PageQuery page, [AsParameters] RotationListQuery filter, DbSession db, CurrentUser user, AuditWriter audit,
        TimeProvider clock, CancellationToken ct)
    {
        var validator = RotationListRequest.Check(new Validator(), page, filter);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        if (await RotationListRequest.ResolveAsync(db, user, page, filter, ct) is not { } request)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
        var rows = await db.QueryStreamAsync<RotationRow>(request.ExportSql, request.Args, ct);
        var count = 0;
        var lines = rows.Select(r =>
        {
            count++;
            return new Dictionary<string, object?>
            {
                ["工号"] = r.StaffNo,
                ["姓名"] = r.WorkerName,
                ["原单位"] = r.FromOrgUnitName,
                ["原岗位"] = r.FromPostTitle,
                ["原岗位起始日期"] = Day(r.FromStartedOn),
                ["拟任单位"] = r.ToOrgUnitName,
                ["拟任岗位"] = r.ToPostTitle,
                ["拟轮岗日期"] = Day(r.ProposedOn),
                ["轮岗理由"] = r.Reason,
                ["状态"] = StatusName(r.Status),
                ["申请人"] = r.RequestedByName,
                ["提交时间"] = r.SubmittedAt?.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                ["审批人"] = r.DecidedByName,
                ["审批时间"] = r.DecidedAt?.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                ["审批意见"] = r.DecisionComment,
            };
        });
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose);
        await MiniExcel.SaveAsAsync(file, lines, sheetName: "轮岗申请", cancellationToken: ct);
        await audit.WriteAsync(new AuditEntry("staffing.rotation.exported", "rotation-export", null, user.ScopePath,
            new { rows = count, filter, q = page.Q }), ct);
        await tx.CommitAsync(ct);
        file.Position = 0;
        var stamp = clock.GetUtcNow().AddHours(8).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return TypedResults.File(file, Xlsx, $"轮岗申请-{stamp}.xlsx");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string StatusName(string status) => status switch
    {
        RotationStatus.Draft => "草稿",
        RotationStatus.Submitted => "待审批",
        RotationStatus.Approved => "已同意",
        RotationStatus.Rejected => "已驳回",
        _ => "已撤回",
    };
}
