using CommunityWorkforce.Insights.Scope;

namespace CommunityWorkforce.Insights.Norms;

/// <summary>
/// One unit against its staffing norm (配备标准): its own quota, filled places and norm, and the same summed over its
/// subtree. Gap = filled − norm: negative is short (缺员), positive is over (超配).
/// </summary>
public sealed record NormLine
{
    public Guid Id { get; init; }
    public Guid? ParentId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Level { get; init; } = "";
    public string Path { get; init; } = "";
    public int Depth { get; init; }
    public int? Households { get; init; }
    public int? Population { get; init; }
    public int Quota { get; init; }
    public int Filled { get; init; }
    public int? Norm { get; init; }
    public int? Gap { get; init; }

    /// <summary><c>short</c>, <c>over</c>, <c>ok</c> or <c>unknown</c> (no households or population to compute a norm).</summary>
    public string Status { get; init; } = "";
    public int SubtreeQuota { get; init; }
    public int SubtreeFilled { get; init; }
    public int? SubtreeNorm { get; init; }
    public int? SubtreeGap { get; init; }
    public string SubtreeStatus { get; init; } = "";
}

public sealed record NormsResponse
{
    public UnitRef Unit { get; init; } = new();
    public DateOnly AsOf { get; init; }

    /// <summary>The rule the norms follow (Staffing's settings).</summary>
    public StaffingNormRule Rule { get; init; } = new();

    /// <summary>Every active unit of the subtree, parents before children (the tree).</summary>
    public IReadOnlyList<NormLine> Lines { get; init; } = [];

    /// <summary>Units with a norm of their own, the most short first (the ranked list): their ids in order.</summary>
    public IReadOnlyList<Guid> Ranking { get; init; } = [];
}
