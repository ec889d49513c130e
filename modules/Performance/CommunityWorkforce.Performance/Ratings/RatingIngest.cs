using System.Text.Json;
using CommunityWorkforce.Performance.Calendar;
using CommunityWorkforce.Performance.Settings;

namespace CommunityWorkforce.Performance.Ratings;

/// <summary>
/// Stores resident ratings idempotently by their own id, in the caller's transaction: a rating already stored (or repeated
/// in the same batch) is reported as a duplicate and changes nothing; a rating for a worker unknown or outside the
/// caller's scope is reported and skipped, the rest stored. Every bad rating (1–2) opens a rectification case due a
/// configured number of working days after the rating day.
/// </summary>
internal sealed class RatingIngest(DbSession db, ReadCache cache, CalendarStore calendarStore, PerformanceSettingsStore settings,
    TimeProvider clock)
{
    public const int MaxBatch = 5000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IngestReport> IngestAsync(IReadOnlyList<(int Row, RatingItem Item)> items, string scope, string source, CancellationToken ct)
    {
        // A service centre sends batch after batch: the scope's workers (a city's 60,000) are read once and kept until
        // Staffing changes, instead of once per batch.
        var (byStaffNo, byId) = await cache.GetAsync($"performance:rating-workers:{scope}", ["staffing"], async () =>
        {
            var workers = await db.QueryAsync<WorkerRow>(RatingSql.WorkersInScope, new { Scope = scope }, ct);
            return (workers.ToDictionary(w => w.StaffNo, StringComparer.OrdinalIgnoreCase), workers.ToDictionary(w => w.WorkerId));
        });
        var calendar = await calendarStore.LoadAsync(ct);
        var days = (await settings.GetAsync(ct)).RectificationWorkingDays;
        var now = clock.GetUtcNow();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // First pass: check every row and find its worker; the rows to store go to the database in one prepared batch.
        var lines = new IngestLine?[items.Count];
        var pending = new List<(int Index, string ExternalId, RatingRow Row, DateOnly RatedOn, bool Bad)>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            var (row, item) = items[index];
            var problem = Check(item, now);
            WorkerRow? worker = null;
            if (problem is null)
            {
                worker = item.WorkerId is { } wid ? byId.GetValueOrDefault(wid) : byStaffNo.GetValueOrDefault(item.StaffNo?.Trim() ?? "");
                if (worker is null)
                {
                    problem = Text.Of($"找不到工号为“{item.StaffNo ?? item.WorkerId?.ToString()}”的社区工作者（或不在您的管理范围内）。",
                        $"No worker '{item.StaffNo ?? item.WorkerId?.ToString()}' in your scope.");
                }
            }
            if (problem is not null)
            {
                lines[index] = new IngestLine(row, item.Id, IngestStatus.Rejected, problem, null, null, false);
                continue;
            }
            var externalId = item.Id.Trim();
            if (!seen.Add(externalId))
            {
                lines[index] = Duplicate(row, externalId);
                continue;
            }
            var ratedAt = item.RatedAt!.Value;
            var ratedOn = DateOnly.FromDateTime(ratedAt.UtcDateTime.AddHours(8));
            pending.Add((index, externalId, new RatingRow
            {
                // Time-ordered ids (UUID v7): a batch's keys land on the last pages of the id index instead of one random page
                // each across three million rows, which halves the pages a batch writes.
                Id = Guid.CreateVersion7(now), ExternalId = externalId, WorkerId = worker!.WorkerId, OrgPath = worker.OrgPath, ServiceItem = item.ServiceItem.Trim(),
                Level = item.Level, SubScores = item.SubScores is null ? null : JsonSerializer.Serialize(item.SubScores, Json), Comment = item.Comment?.Trim(),
                RatedAt = ratedAt, RatedOn = ratedOn, Source = source, Now = now,
            }, ratedOn, RatingLevels.IsBad(item.Level)));
        }

        // Each insert stores the rating unless its id is already there (a resend), and says which it did.
        var inserted = await db.ExecuteEachAsync(RatingSql.Insert, pending.Select(p => p.Row).ToList(), ct);
        var cases = new List<CaseRow>();
        for (var i = 0; i < pending.Count; i++)
        {
            var (index, externalId, rating, ratedOn, bad) = pending[i];
            var row = items[index].Row;
            if (inserted[i] != 1)
            {
                lines[index] = Duplicate(row, externalId);
                continue;
            }
            if (!bad)
            {
                lines[index] = new IngestLine(row, externalId, IngestStatus.Created, null, null, null, false);
                continue;
            }
            var (due, missing) = calendar.AddWorkingDays(ratedOn, days);
            var caseId = Guid.CreateVersion7(now);
            cases.Add(new CaseRow
            {
                Id = caseId, RatingId = rating.Id, WorkerId = rating.WorkerId, OrgPath = rating.OrgPath, OpenedOn = ratedOn, DueOn = due, WorkingDays = days,
                CalendarMissing = missing, Now = now,
            });
            lines[index] = new IngestLine(row, externalId, IngestStatus.Created,
                missing ? Text.Of($"差评，已建整改单；{due.Year} 年节假日安排未导入，期限按普通工作日计算。",
                    $"Bad rating: a case was opened; the {due.Year} holiday schedule is not loaded, so plain weekdays were counted.") : null,
                caseId, due, missing);
        }
        await db.ExecuteEachAsync(RatingSql.InsertRectification, cases, ct);
        var report = lines.Select(l => l!).ToList();
        return new IngestReport(items.Count, report.Count(l => l.Status == IngestStatus.Created), report.Count(l => l.Status == IngestStatus.Duplicate),
            report.Count(l => l.Status == IngestStatus.Rejected), report.Count(l => l.RectificationId is not null), report);
    }

    private static IngestLine Duplicate(int row, string externalId) => new(row, externalId, IngestStatus.Duplicate,
        Text.Of("该评价编号已接收过，本次未作任何修改。", "A rating with this id was already received; nothing changed."), null, null, false);

    private static string? Check(RatingItem item, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(item.Id) || item.Id.Length > 100)
        {
            return Text.Of("评价编号必填，不超过 100 个字符。", "The rating id is required (at most 100 characters).");
        }
        if (string.IsNullOrWhiteSpace(item.StaffNo) && item.WorkerId is null)
        {
            return Text.Of("工号必填。", "The staff number is required.");
        }
        if (item.Level is < 1 or > 5)
        {
            return Text.Of("评价等级应为 1–5（非常不满意…非常满意）。", "The level is 1–5 (非常不满意 … 非常满意).");
        }
        if (string.IsNullOrWhiteSpace(item.ServiceItem) || item.ServiceItem.Length > 100)
        {
            return Text.Of("服务事项必填，不超过 100 个字符。", "The service item is required (at most 100 characters).");
        }
        if (item.RatedAt is null || item.RatedAt > now.AddDays(1) || item.RatedAt < new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero))
        {
            return Text.Of("评价时间必填，且不能晚于当前时间。", "The rating time is required and cannot lie in the future.");
        }
        if (item.SubScores?.Any(s => s.Value is < 1 or > 5 || s.Key.Length > 50) == true)
        {
            return Text.Of("分项评价应为 1–5。", "Sub-indicator scores are 1–5.");
        }
        if (item.Comment?.Length > 500)
        {
            return Text.Of("评价内容不超过 500 个字符。", "The comment is at most 500 characters.");
        }
        return null;
    }

    private sealed class WorkerRow
    {
        public Guid WorkerId { get; init; }
        public string StaffNo { get; init; } = "";
        public string OrgPath { get; init; } = "";
    }

    /// <summary>The parameters of <see cref="RatingSql.Insert"/>.</summary>
    private sealed class RatingRow
    {
        public Guid Id { get; init; }
        public string ExternalId { get; init; } = "";
        public Guid WorkerId { get; init; }
        public string OrgPath { get; init; } = "";
        public string ServiceItem { get; init; } = "";
        public int Level { get; init; }
        public string? SubScores { get; init; }
        public string? Comment { get; init; }
        public DateTimeOffset RatedAt { get; init; }
        public DateOnly RatedOn { get; init; }
        public string Source { get; init; } = "";
        public DateTimeOffset Now { get; init; }
    }

    /// <summary>The parameters of <see cref="RatingSql.InsertRectification"/>.</summary>
    private sealed class CaseRow
    {
        public Guid Id { get; init; }
        public Guid RatingId { get; init; }
        public Guid WorkerId { get; init; }
        public string OrgPath { get; init; } = "";
        public DateOnly OpenedOn { get; init; }
        public DateOnly DueOn { get; init; }
        public int WorkingDays { get; init; }
        public bool CalendarMissing { get; init; }
        public DateTimeOffset Now { get; init; }
    }
}
