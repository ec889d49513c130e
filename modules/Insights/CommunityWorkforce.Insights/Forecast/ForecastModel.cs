using CommunityWorkforce.CareerPath.Contracts;
using CommunityWorkforce.Insights.Dashboard;

namespace CommunityWorkforce.Insights.Forecast;

/// <summary>
/// The five-year forecast as plain functions (tested on a hand-computed data set). Periods are the years from the day
/// of the forecast: period k covers [asOf + (k−1) years, asOf + k years).
/// </summary>
public static class ForecastModel
{
    /// <summary>z for a two-sided 80 % interval.</summary>
    public const double Z80 = 1.2816;

    public const int ObservationYears = 5;
    public const int VeteranServiceYears = 15;
    public const int ReadyServiceYears = 5;

    public static readonly IReadOnlyList<string> TenureBands = ["0-2", "3-5", "6-10", "11+"];

    public const string Method =
        "Retirements: each worker's statutory retirement date from CareerPath's retirement-age table (2025 reform; a worker "
        + "already past it counts in year 1). Other leavers: annual leaving rates by tenure band (years of community service "
        + "0-2, 3-5, 6-10, 11+) observed over the last 5 years in this unit's subtree — for each of those years, the workers "
        + "present at its start (by band) and those of them who left within it for a reason other than retirement; the rate is "
        + "leavers / worker-years. Each current worker then leaves with their band's rate each year until they retire "
        + "(survival carried forward, no new hires). The interval is 80 % (±1.2816 sd) of a sum of independent Bernoulli "
        + "leavings plus the sampling variance of each band's rate (p(1−p)/worker-years); cumulative intervals add the "
        + "yearly variances. Need = the subtree's staffing norm − the projected headcount.";

    public sealed record Person(Guid Id, string Path, DateOnly BirthDate, string Gender, DateOnly HireDate, DateOnly ServiceStart,
        DateOnly? LeftOn, string? LeftReason);

    public sealed record BandRate(string Band, int WorkerYears, int Leavers, double Rate);

    public sealed record Period(int Year, DateOnly From, DateOnly To, int Retirements, double ExpectedLeavers, double Low, double High,
        double ProjectedHeadcount, double ProjectedLow, double ProjectedHigh, int VeteransRetiring, double VeteransLeaving, int JuniorsReady);

    public static string TenureBand(int years) => years switch
    {
        <= 2 => "0-2",
        <= 5 => "3-5",
        <= 10 => "6-10",
        _ => "11+",
    };

    public static bool IsRetirement(string? reason) =>
        reason is not null && (reason.Contains("退休", StringComparison.Ordinal) || reason.Contains("retire", StringComparison.OrdinalIgnoreCase));

    public static bool PresentOn(Person p, DateOnly day) => p.HireDate <= day && (p.LeftOn is null || p.LeftOn > day);

    /// <summary>Observed annual leaving rates (not retirement) by tenure band over the <see cref="ObservationYears"/> before <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<BandRate> LeavingRates(IReadOnlyList<Person> people, DateOnly asOf)
    {
        var years = TenureBands.ToDictionary(b => b, _ => 0);
        var leavers = TenureBands.ToDictionary(b => b, _ => 0);
        for (var j = ObservationYears; j >= 1; j--)
        {
            var start = asOf.AddYears(-j);
            var end = start.AddYears(1);
            foreach (var p in people.Where(p => PresentOn(p, start)))
            {
                var band = TenureBand(Math.Max(0, StructureBands.FullYears(p.ServiceStart, start)));
                years[band]++;
                if (p.LeftOn is { } left && left < end && !IsRetirement(p.LeftReason))
                {
                    leavers[band]++;
                }
            }
        }
        return TenureBands.Select(b => new BandRate(b, years[b], leavers[b], years[b] == 0 ? 0 : (double)leavers[b] / years[b])).ToList();
    }

    /// <summary>The projection for the workers present on <paramref name="asOf"/> (pass only those).</summary>
    public static IReadOnlyList<Period> Project(IReadOnlyList<Person> present, IReadOnlyList<BandRate> rates, RetirementTable table,
        DateOnly asOf, int horizon) =>
        Project(present, present.Select(p => table.RetirementDate(p.BirthDate, p.Gender)).ToArray(), rates, asOf, horizon);

    /// <summary>
    /// The projection for the workers present on <paramref name="asOf"/>, each with their retirement date
    /// (<paramref name="retiresOn"/>[i] is <paramref name="present"/>[i]'s): a caller that projects a unit and each of its
    /// children computes the dates once.
    /// </summary>
    public static IReadOnlyList<Period> Project(IReadOnlyList<Person> present, IReadOnlyList<DateOnly> retiresOn, IReadOnlyList<BandRate> rates,
        DateOnly asOf, int horizon)
    {
        var rate = rates.ToDictionary(r => r.Band);
        var survival = new double[present.Count];
        Array.Fill(survival, 1.0);
        var periods = new List<Period>();
        double headcount = present.Count, cumulativeVariance = 0, cumulativeLeavers = 0;
        var cumulativeRetirements = 0;
        for (var k = 1; k <= horizon; k++)
        {
            var from = asOf.AddYears(k - 1);
            var to = asOf.AddYears(k);
            int retirements = 0, veteransRetiring = 0, juniorsReady = 0;
            double expected = 0, variance = 0, veteransLeaving = 0;
            var atRiskByBand = TenureBands.ToDictionary(b => b, _ => 0.0);
            for (var i = 0; i < present.Count; i++)
            {
                var p = present[i];
                var retires = retiresOn[i];
                if (retires < from && k > 1)
                {
                    continue;
                }
                var service = Math.Max(0, StructureBands.FullYears(p.ServiceStart, from));
                var veteran = service >= VeteranServiceYears;
                if (retires < to)
                {
                    retirements++;
                    veteransRetiring += veteran ? 1 : 0;
                    continue;
                }
                var ready = p.ServiceStart.AddYears(ReadyServiceYears);
                if (ready >= from && ready < to)
                {
                    juniorsReady++;
                }
                var band = TenureBand(service);
                var pLeave = rate[band].Rate;
                var s = survival[i];
                expected += s * pLeave;
                variance += s * pLeave * (1 - pLeave);
                atRiskByBand[band] += s;
                veteransLeaving += veteran ? s * pLeave : 0;
                survival[i] = s * (1 - pLeave);
            }
            foreach (var (band, atRisk) in atRiskByBand)
            {
                var r = rate[band];
                if (r.WorkerYears > 0)
                {
                    variance += atRisk * atRisk * r.Rate * (1 - r.Rate) / r.WorkerYears;
                }
            }
            cumulativeRetirements += retirements;
            cumulativeLeavers += expected;
            cumulativeVariance += variance;
            headcount = present.Count - cumulativeRetirements - cumulativeLeavers;
            var sd = Math.Sqrt(variance);
            var cumulativeSd = Math.Sqrt(cumulativeVariance);
            periods.Add(new Period(k, from, to, retirements, Round(expected), Round(Math.Max(0, expected - (Z80 * sd))), Round(expected + (Z80 * sd)),
                Round(headcount), Round(Math.Max(0, headcount - (Z80 * cumulativeSd))), Round(Math.Min(present.Count - cumulativeRetirements, headcount + (Z80 * cumulativeSd))),
                veteransRetiring, Round(veteransLeaving), juniorsReady));
        }
        return periods;
    }

    public static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
