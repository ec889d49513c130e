using CommunityWorkforce.Insights.Dashboard;
using CommunityWorkforce.Insights.Scope;

namespace CommunityWorkforce.Insights.Turnover;

/// <summary>Leavers of one calendar year, by reason (the free text HR gave, trimmed).</summary>
public sealed record TurnoverYear(int Year, int Leavers, int AverageHeadcount, decimal Rate, IReadOnlyList<KeyCount> Reasons);

/// <summary>A direct child unit's turnover over the whole period.</summary>
public sealed record UnitTurnover
{
    public UnitRef Unit { get; init; } = new();
    public int Leavers { get; init; }

    /// <summary>Mean of the headcounts on 1 January of each year of the period.</summary>
    public decimal AverageHeadcount { get; init; }

    /// <summary>Annual leaving rate: leavers / (average headcount × years).</summary>
    public decimal Rate { get; init; }

    /// <summary>At least 1.5 × the subtree's rate and at least 2 leavers.</summary>
    public bool High { get; init; }
}

/// <summary>New hires' retention: of those hired in the period at least N years ago, how many were still there N years later.</summary>
public sealed record Retention(int Years, int Hired, int Retained, decimal Rate);

public sealed record TurnoverResponse
{
    public UnitRef Unit { get; init; } = new();
    public int FromYear { get; init; }
    public int ToYear { get; init; }
    public int Leavers { get; init; }
    public decimal Rate { get; init; }
    public IReadOnlyList<TurnoverYear> Years { get; init; } = [];
    public IReadOnlyList<KeyCount> TenureAtLeaving { get; init; } = [];

    /// <summary>Direct children, the highest rate first.</summary>
    public IReadOnlyList<UnitTurnover> Units { get; init; } = [];
    public IReadOnlyList<Retention> Retention { get; init; } = [];
}
