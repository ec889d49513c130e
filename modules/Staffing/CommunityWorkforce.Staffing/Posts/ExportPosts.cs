using System.Globalization;
using MiniExcelLibs;

namespace CommunityWorkforce.Staffing.Posts;

/// <summary>
/// 岗位导出 — the filtered post list as .xlsx: the list's own request (same filters, search, scope and order), every
/// matching post rather than one page. The export and its row count are audited in the same transaction as the read.
/// </summary>
internal static class ExportPosts
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<Results<FileStreamHttpResult, ValidationProblem, NotFound>> Handle(
        [AsParameters] PageQuery page, [AsParameters] PostListQuery filter, DbSession db, CurrentUser user, AuditWriter audit,
        TimeProvider clock, CancellationToken ct)
    {
        var validator = PostListRequest.Check(new Validator(), page, filter);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        if (await PostListRequest.ResolveAsync(db, user, page, filter, ct) is not { } request)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
        var rows = await db.QueryStreamAsync<PostRow>(request.ExportSql, request.Args, ct);
        var count = 0;
        var lines = rows.Select(p =>
        {
            count++;
            return new Dictionary<string, object?>
            {
                ["所属单位"] = p.OrgUnitName,
                ["岗位名称"] = p.Title,
                ["岗位类别"] = TypeName(p.PostType),
                ["编制数"] = p.Quota,
                ["在岗人数"] = p.Filled,
                ["空缺数"] = p.Quota - p.Filled,
                ["状态"] = p.Status == "active" ? "在用" : "已撤销",
            };
        });
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose);
        await MiniExcel.SaveAsAsync(file, lines, sheetName: "岗位", cancellationToken: ct);
        await audit.WriteAsync(new AuditEntry("staffing.post.exported", "post-export", null, user.ScopePath,
            new { rows = count, filter, q = page.Q }), ct);
        await tx.CommitAsync(ct);
        file.Position = 0;
        var stamp = clock.GetUtcNow().AddHours(8).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return TypedResults.File(file, Xlsx, $"岗位-{stamp}.xlsx");
    }

    private static string TypeName(string postType) => postType switch
    {
        PostTypes.Head => "负责人",
        PostTypes.Deputy => "主管",
        _ => "工作人员",
    };
}
