using CommunityWorkforce.Insights.Scope;

namespace CommunityWorkforce.Insights.Forecast;

/// <summary>One forecast year of one unit's subtree.</summary>
public sealed record ForecastYear
{
    public int Year { get; init; }
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
    public int Retirements { get; init; }
    public double ExpectedLeavers { get; init; }
    public double LeaversLow { get; init; }
    public double LeaversHigh { get; init; }
    public double ProjectedHeadcount { get; init; }
    public double ProjectedLow { get; init; }
    public double ProjectedHigh { get; init; }

    /// <summary>Norm − projected headcount (negative: above the norm). Low/high follow the headcount's interval.</summary>
    public double? Need { get; init; }
    public double? NeedLow { get; init; }
    public double? NeedHigh { get; init; }

    /// <summary>The experience gap: veterans (≥ 15 years of service) retiring and expected to leave, juniors reaching 5 years.</summary>
    public int VeteransRetiring { get; init; }
    public double VeteransLeaving { get; init; }
    public int JuniorsReady { get; init; }
}

/// <summary>Who could step up: the reserve pool and workers ready by service.</summary>
public sealed record Succession
{
    /// <summary>Active reserve-cadre members (后备干部) whose term has not ended.</summary>
    public int ReservePool { get; init; }

    /// <summary>Heads (正职) retiring within the horizon.</summary>
    public int HeadsRetiring { get; init; }

    /// <summary>Deputies with ≥ 5 years of service not retiring within the horizon (ready for a head post).</summary>
    public int DeputiesReady { get; init; }

    /// <summary>Staff with ≥ 5 years of service not retiring within the horizon (ready for a deputy post).</summary>
    public int StaffReady { get; init; }
}

public sealed record UnitForecast
{
    public UnitRef Unit { get; init; } = new();
    public int Headcount { get; init; }
    public int? Norm { get; init; }
    public Succession Succession { get; init; } = new();
    public IReadOnlyList<ForecastYear> Years { get; init; } = [];
}

public sealed record ForecastResponse
{
    public UnitRef Unit { get; init; } = new();
    public DateOnly AsOf { get; init; }
    public int Horizon { get; init; }

    /// <summary>How the numbers are computed, in words (shown on the page).</summary>
    public string Method { get; init; } = "";
    public IReadOnlyList<ForecastModel.BandRate> LeavingRates { get; init; } = [];

    /// <summary>The unit's whole subtree.</summary>
    public UnitForecast Total { get; init; } = new();

    /// <summary>Each direct child's subtree, to drill into.</summary>
    public IReadOnlyList<UnitForecast> Children { get; init; } = [];
}
