namespace CommunityWorkforce.Performance.Cycles;

/// <summary>One posting as the cycle reads it from Staffing's published view.</summary>
internal sealed class PeriodPosting
{
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string WorkerName { get; init; } = "";
    public string PostType { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public string OrgPath { get; init; } = "";
    public string UnitName { get; init; } = "";
    public DateOnly StartedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public bool IsPrimary { get; init; }
}

internal sealed record Placement(Guid WorkerId, string StaffNo, string WorkerName, Guid OrgUnitId, string OrgPath, string PostType,
    int DaysInUnit, int DaysInPeriod, bool Moved, string? Note);

/// <summary>
/// Where each worker active in the period is appraised. Their primary postings count (all postings when they had no
/// primary one in the period); days are counted inclusively within the period. <c>most-days</c>: the unit where they spent
/// most days (a tie goes to the later one); <c>period-end</c>: the unit of their last posting. A worker who served in more
/// than one unit is marked as moved, with a note giving the days per unit.
/// </summary>
internal static class ParticipantPlacement
{
    public static IReadOnlyList<Placement> Place(IEnumerable<PeriodPosting> postings, DateOnly start, DateOnly end, string moverRule)
    {
        var result = new List<Placement>();
        foreach (var worker in postings.GroupBy(p => p.WorkerId))
        {
            var all = worker.Select(p => (Posting: p, From: Max(p.StartedOn, start), To: Min(p.EndedOn ?? end, end)))
                .Where(x => x.From <= x.To).ToList();
            var counted = all.Any(x => x.Posting.IsPrimary) ? all.Where(x => x.Posting.IsPrimary).ToList() : all;
            if (counted.Count == 0)
            {
                continue;
            }
            var byUnit = counted.GroupBy(x => x.Posting.OrgUnitId).Select(g => (
                    Unit: g.Key, Days: g.Sum(x => x.To.DayNumber - x.From.DayNumber + 1), Last: g.Max(x => x.To),
                    Longest: g.OrderByDescending(x => x.To.DayNumber - x.From.DayNumber).ThenByDescending(x => x.To).First().Posting))
                .ToList();
            var chosen = moverRule == Settings.MoverRules.PeriodEnd
                ? byUnit.OrderByDescending(u => u.Last).ThenByDescending(u => u.Days).First()
                : byUnit.OrderByDescending(u => u.Days).ThenByDescending(u => u.Last).First();
            var moved = byUnit.Count > 1;
            var total = byUnit.Sum(u => u.Days);
            string? note = null;
            if (moved)
            {
                var parts = string.Join("，", byUnit.OrderByDescending(u => u.Days).Select(u => $"{u.Longest.UnitName} {u.Days} 天"));
                note = moverRule == Settings.MoverRules.PeriodEnd
                    ? $"期内调动：{parts}；按期末所在单位（{chosen.Longest.UnitName}）考核。"
                    : $"期内调动：{parts}；按工作时间最长的单位（{chosen.Longest.UnitName}）考核。";
            }
            var first = chosen.Longest;
            result.Add(new Placement(worker.Key, first.StaffNo, first.WorkerName, chosen.Unit, first.OrgPath, first.PostType, chosen.Days, total, moved, note));
        }
        return result;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>The life of a cycle: planning → collecting → calibrating → published → closed.</summary>
public static class CycleStatus
{
    public const string Planning = "planning";
    public const string Collecting = "collecting";
    public const string Calibrating = "calibrating";
    public const string Published = "published";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Planning, Collecting, Calibrating, Published, Closed];

    /// <summary>The one state each state may move to (HR advances; the leader publishes).</summary>
    public static string? Next(string status) => status switch
    {
        Planning => Collecting,
        Collecting => Calibrating,
        Calibrating => Published,
        Published => Closed,
        _ => null,
    };
}
