using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using MiniExcelLibs;

namespace CommunityWorkforce.Performance.Ratings;

/// <summary>
/// 好差评 — resident ratings in: a batch endpoint the service-centre system calls (idempotent by the rating's own id) and an
/// .xlsx upload with a per-row report; and out: the ratings list. HR, admin (and the centre's system account) ingest.
/// </summary>
internal static class RatingEndpoints
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The sheet's columns.</summary>
    public const string ColId = "评价编号", ColStaffNo = "工号", ColItem = "服务事项", ColLevel = "评价等级", ColAt = "评价时间", ColComment = "评价内容";

    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["ratedAt"] = "r.rated_at", ["level"] = "r.level", ["staffNo"] = "w.staff_no",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/performance/ratings").WithTags("Resident ratings");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff).WithName("ListResidentRatings");
        group.MapPost("/batch", Batch).RequireAuthorization(Policies.HrOrAdmin).WithName("IngestResidentRatings");
        group.MapUpload<RatingUploadForm>("/import", Import, Policies.HrOrAdmin, MaxFileBytes).WithName("ImportResidentRatings");
        group.MapGet("/import-template", Template).RequireAuthorization(Policies.HrOrAdmin).WithName("GetResidentRatingTemplate")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx);
    }

    private static async Task<Results<Ok<IngestReport>, ValidationProblem>> Batch(
        RatingBatchRequest request, [AsParameters] WriteContext write, RatingIngest ingest, CancellationToken ct)
    {
        var (db, user, audit, _) = write;
        var items = request.Ratings ?? [];
        var validator = new Validator()
            .Rule(items.Count > 0, "ratings", Text.Of("至少一条评价。", "At least one rating."))
            .Rule(items.Count <= RatingIngest.MaxBatch, "ratings", Text.Of($"每批最多 {RatingIngest.MaxBatch} 条。", $"At most {RatingIngest.MaxBatch} per batch."));
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var report = await ingest.IngestAsync(items.Select((item, i) => (i, item)).ToList(), user.ScopePattern, "api", ct);
        await audit.WriteAsync(new AuditEntry("performance.ratings.ingested", "resident-rating", null, user.ScopePath,
            new { source = "api", report.Received, report.Created, report.Duplicates, report.Rejected, report.RectificationsOpened }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(report);
    }

    /// <summary>The sheet (评价编号, 工号, 服务事项, 评价等级, 评价时间, 评价内容): good rows are stored, every row is reported.</summary>
    private static async Task<Results<Ok<IngestReport>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest http, [AsParameters] WriteContext write, RatingIngest ingest, CancellationToken ct)
    {
        var (db, user, audit, _) = write;
        if (!http.HasFormContentType)
        {
            return Uploads.NotMultipart();
        }
        IFormFile? file;
        try
        {
            file = (await http.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            file = null;
        }
        if (file is null || file.Length == 0 || !file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return new Validator().Add("file", Text.Of("请选择要导入的 .xlsx 文件。", "Choose an .xlsx file to import.")).ToProblem();
        }
        if (file.Length > MaxFileBytes)
        {
            return TypedResults.Problem(Text.Of("文件超过 10 MB。", "The file exceeds 10 MB."), statusCode: StatusCodes.Status413PayloadTooLarge,
                title: Text.Of("文件过大", "File too large"), type: ProblemTypes.MalformedRequest);
        }
        var items = new List<(int Row, RatingItem Item)>();
        using (var content = new MemoryStream())
        {
            await file.CopyToAsync(content, ct);
            content.Position = 0;
            try
            {
                var number = 1;
                foreach (IDictionary<string, object?> row in MiniExcel.Query(content, useHeaderRow: true).Cast<IDictionary<string, object?>>())
                {
                    number++;
                    if (row.Values.All(v => v is null || string.IsNullOrWhiteSpace(v.ToString())))
                    {
                        continue;
                    }
                    items.Add((number, ItemOf(row)));
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
            {
                return new Validator().Add("file", Text.Of("无法读取该文件，请使用评价导入模板。", "The file cannot be read; use the rating template.")).ToProblem();
            }
        }
        if (items.Count == 0 || items.Count > RatingIngest.MaxBatch * 4)
        {
            return new Validator().Add("file", Text.Of($"文件应有 1 到 {RatingIngest.MaxBatch * 4} 行评价。", $"The file holds 1 to {RatingIngest.MaxBatch * 4} ratings.")).ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var report = await ingest.IngestAsync(items, user.ScopePattern, "xlsx", ct);
        await audit.WriteAsync(new AuditEntry("performance.ratings.ingested", "resident-rating", null, user.ScopePath,
            new { source = "xlsx", file = file.FileName, report.Received, report.Created, report.Duplicates, report.Rejected, report.RectificationsOpened }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(report);
    }

    private static RatingItem ItemOf(IDictionary<string, object?> row)
    {
        string? Cell(string column) => row.TryGetValue(column, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() : null;
        DateTimeOffset? at = null;
        if (row.TryGetValue(ColAt, out var raw))
        {
            at = raw switch
            {
                DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified), TimeSpan.FromHours(8)),
                double serial => new DateTimeOffset(DateTime.FromOADate(serial), TimeSpan.FromHours(8)),
                string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var parsed) =>
                    DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && !s.Contains('+') && !s.EndsWith('Z')
                        ? new DateTimeOffset(local, TimeSpan.FromHours(8)) : parsed,
                _ => null,
            };
        }
        return new RatingItem
        {
            Id = Cell(ColId) ?? "", StaffNo = Cell(ColStaffNo), ServiceItem = Cell(ColItem) ?? "", Level = RatingLevels.Parse(Cell(ColLevel)) ?? 0,
            RatedAt = at, Comment = Cell(ColComment),
        };
    }

    private static FileContentHttpResult Template()
    {
        var sample = new[]
        {
            new Dictionary<string, object?>
            {
                [ColId] = "HCP-2026-000001", [ColStaffNo] = "CW000001", [ColItem] = "居住证办理", [ColLevel] = "非常满意",
                [ColAt] = "2026-11-30 10:15", [ColComment] = "",
            },
        };
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, sample, sheetName: "好差评");
        return TypedResults.File(buffer.ToArray(), Xlsx, "好差评导入模板.xlsx");
    }

    private static async Task<Results<Ok<PagedResult<RatingResponse>>, ValidationProblem, NotFound>> List(
        [AsParameters] PageQuery page, Guid? workerId, int? level, DateOnly? from, DateOnly? to, DbSession db, CurrentUser user, CancellationToken ct)
    {
        var validator = new Validator().Range("level", level, 1, 5);
        page.Validate(validator, Sortable);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var args = new { Scope = user.ScopePattern, WorkerId = workerId, Level = level, From = from, To = to, page.Skip, Take = page.Size };
        var oneWorker = workerId is not null;
        var total = await db.ExecuteScalarAsync<int>(oneWorker ? RatingSql.CountRatingsOfWorker : RatingSql.CountRatings, args, ct);
        var rows = await db.QueryAsync<RatingRow>(PagedSql.WithOrderBy(oneWorker ? RatingSql.ListRatingsOfWorker : RatingSql.ListRatings,
            page.OrderBy(Sortable, "-ratedAt", "r.id")), args, ct);
        return TypedResults.Ok(new PagedResult<RatingResponse>(rows.Select(r => new RatingResponse(r.Id, r.ExternalId, r.WorkerId, r.StaffNo, r.WorkerName,
            r.ServiceItem, r.Level, RatingLevels.Names.GetValueOrDefault(r.Level, ""), r.RatedAt, r.RatedOn, r.Comment, r.Source)).ToList(),
            total, page.PageNumber, page.Size));
    }

    private sealed class RatingRow
    {
        public Guid Id { get; init; }
        public string ExternalId { get; init; } = "";
        public Guid WorkerId { get; init; }
        public string StaffNo { get; init; } = "";
        public string WorkerName { get; init; } = "";
        public string ServiceItem { get; init; } = "";
        public int Level { get; init; }
        public DateTimeOffset RatedAt { get; init; }
        public DateOnly RatedOn { get; init; }
        public string? Comment { get; init; }
        public string Source { get; init; } = "";
    }
}
