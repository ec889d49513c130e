using System.Globalization;
using CommunityWorkforce.Performance.Scoring;
using MiniExcelLibs;

namespace CommunityWorkforce.Performance.Cycles;

/// <summary>
/// 考核结果导出 — a cycle's results as .xlsx: the participants list's own request (same filters, scope and order), every
/// matching row rather than one page, each part's contribution in its own column; and a unit's incentive allocation with
/// each worker's amount in fen and yuan and a total that equals the pool. Both exports are audited with their row count.
/// </summary>
internal static class ExportResults
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound>> Results(
        Guid id, [AsParameters] PageQuery page, [AsParameters] ParticipantListQuery filter, IOrgUnitDirectory units,
        [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var validator = ParticipantListRequest.Check(new Validator(), page, filter);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        if (await ParticipantListRequest.ResolveAsync(id, db, user, units, page, filter, ct) is not { } request)
        {
            return TypedResults.NotFound();
        }
        var rows = (await db.QueryAsync<ParticipantRow>(request.ExportSql, request.Args, ct)).ToList();
        var unitNames = (await db.QueryAsync<UnitName>(CycleSql.UnitNamesOfCycle, new { CycleId = id }, ct)).ToDictionary(u => u.Id, u => u.Name);
        var explained = rows.Select(r => (Row: r, Parts: CycleEngine.Parts(r.Explanation))).ToList();
        // One column per part name over every template in the sheet, in the order the parts first appear.
        var partNames = explained.SelectMany(e => e.Parts.Select(p => p.Name)).Distinct().ToList();
        var lines = explained.Select(e =>
        {
            var line = new Dictionary<string, object?>
            {
                ["工号"] = e.Row.StaffNo,
                ["姓名"] = e.Row.WorkerName,
                ["考核单位"] = unitNames.GetValueOrDefault(e.Row.OrgUnitId, e.Row.OrgPath),
                ["岗位类型"] = PostTypeName(e.Row.PostType),
                ["综合得分"] = Round(e.Row.Score),
            };
            foreach (var name in partNames)
            {
                line[$"{name}（贡献分）"] = e.Parts.FirstOrDefault(p => p.Name == name) is { } part ? part.Contribution : null;
            }
            line["系统建议等次"] = GradeName(e.Row.ProposedGrade);
            line["最终等次"] = GradeName(e.Row.Grade);
            line["调整理由"] = e.Row.GradeReason;
            line["申诉状态"] = AppealName(e.Row.AppealStatus);
            line["跨单位调动说明"] = e.Row.PlacementNote;
            return line;
        }).ToList();
        using var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, lines, sheetName: "考核结果", cancellationToken: ct);
        await using (var tx = await db.BeginAsync(ct))
        {
            await audit.WriteAsync(new AuditEntry("performance.results.exported", "appraisal-cycle", id, request.Cycle.OrgPath,
                new { rows = lines.Count, filter, q = page.Q, sort = page.Sort }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.File(buffer.ToArray(), Xlsx, $"考核结果-{Sheet(request.Cycle.Name)}-{Stamp(clock)}.xlsx");
    }

    /// <summary>The allocation <see cref="Incentives.Handle"/> computes, as a sheet (nothing is stored; the export is audited).</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ProblemHttpResult>> Incentive(
        Guid id, IncentiveRequest request, IOrgUnitDirectory units, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var outcome = (await Incentives.Handle(id, request, db, user, units, ct)).Result;
        switch (outcome)
        {
            case ValidationProblem invalid:
                return invalid;
            case NotFound notFound:
                return notFound;
            case ProblemHttpResult refused:
                return refused;
        }
        var allocation = ((Ok<IncentiveResponse>)outcome).Value!;
        var unit = (await units.FindAsync(allocation.OrgUnitId, ct))!;
        var lines = allocation.Shares.Select(s => new Dictionary<string, object?>
        {
            ["工号"] = s.StaffNo, ["姓名"] = s.WorkerName, ["等次"] = GradeName(s.Grade), ["综合得分"] = s.Score, ["等次系数"] = s.Coefficient,
            ["金额（分）"] = s.AmountFen, ["金额（元）"] = Yuan(s.AmountFen),
        }).ToList();
        lines.Add(new Dictionary<string, object?>
        {
            ["工号"] = "合计", ["姓名"] = $"{allocation.Shares.Count} 人", ["等次"] = null, ["综合得分"] = null, ["等次系数"] = null,
            ["金额（分）"] = allocation.AllocatedFen, ["金额（元）"] = Yuan(allocation.AllocatedFen),
        });
        lines.Add(new Dictionary<string, object?>
        {
            ["工号"] = "分配规则", ["姓名"] = allocation.RoundingRule, ["等次"] = null, ["综合得分"] = null, ["等次系数"] = null,
            ["金额（分）"] = null, ["金额（元）"] = null,
        });
        using var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, lines, sheetName: "绩效奖励分配", cancellationToken: ct);
        await using (var tx = await db.BeginAsync(ct))
        {
            await audit.WriteAsync(new AuditEntry("performance.incentives.exported", "appraisal-cycle", id, unit.Path,
                new { orgUnitId = unit.Id, request.PoolFen, rows = allocation.Shares.Count, allocation.AllocatedFen }), ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.File(buffer.ToArray(), Xlsx, $"绩效奖励-{Sheet(unit.Name)}-{Stamp(clock)}.xlsx");
    }

    private static string Stamp(TimeProvider clock) => clock.GetUtcNow().AddHours(8).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);

    private static string Sheet(string name) => string.Concat(name.Where(c => !Path.GetInvalidFileNameChars().Contains(c)));

    private static decimal? Round(double? value) => value is null ? null : Math.Round((decimal)value.Value, 2);

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    internal static string? GradeName(string? grade) => grade switch
    {
        null => null,
        Grades.Excellent => "优秀",
        Grades.Competent => "合格",
        Grades.Basic => "基本合格",
        Grades.Incompetent => "不合格",
        _ => grade,
    };

    private static string PostTypeName(string postType) => postType switch
    {
        PostTypes.Head => "正职",
        PostTypes.Deputy => "副职",
        PostTypes.Staff => "工作人员",
        _ => postType,
    };

    private static string AppealName(string? status) => status switch
    {
        null => "未申诉",
        "filed" => "已申诉，待处理",
        AppealOutcomes.Upheld => "申诉成立",
        AppealOutcomes.Rejected => "申诉驳回",
        _ => status,
    };

    private sealed class UnitName
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
    }
}
