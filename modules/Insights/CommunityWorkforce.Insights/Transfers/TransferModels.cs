using CommunityWorkforce.Insights.Scope;

namespace CommunityWorkforce.Insights.Transfers;

/// <summary>
/// One suggested move (调配建议): a worker from a unit above its norm to a post with room in a unit below its norm,
/// with everything needed to file it as a rotation request (<c>fromPostingId</c>, <c>toPostId</c>) and why it was chosen.
/// </summary>
public sealed record TransferSuggestion
{
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string WorkerName { get; init; } = "";
    public Guid FromPostingId { get; init; }
    public string FromPostTitle { get; init; } = "";
    public string PostType { get; init; } = "";
    public Guid FromUnitId { get; init; }
    public string FromUnitName { get; init; } = "";
    public int FromFilled { get; init; }
    public int FromNorm { get; init; }
    public Guid ToPostId { get; init; }
    public string ToPostTitle { get; init; } = "";
    public string ToPostType { get; init; } = "";
    public int ToPostQuota { get; init; }
    public int ToPostFilled { get; init; }
    public Guid ToUnitId { get; init; }
    public string ToUnitName { get; init; } = "";
    public int ToFilled { get; init; }
    public int ToNorm { get; init; }
    public int YearsInPost { get; init; }
    public bool DueForRotation { get; init; }

    /// <summary>Edges between the two units in the org tree (2: two communities of one street).</summary>
    public int TreeDistance { get; init; }

    /// <summary>The move's disruption cost in the model (lower is preferred).</summary>
    public int Cost { get; init; }

    /// <summary>Stable codes the client words: closes-gap, due-for-rotation | not-yet-due, same-post-type | other-post-type, same-street | other-street.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
}

public sealed record TransferPlan
{
    public UnitRef Unit { get; init; } = new();
    public DateOnly AsOf { get; init; }

    /// <summary>Places short of the norm in the units below it, before the moves.</summary>
    public int ShortBefore { get; init; }

    /// <summary>Places above the norm in the units over it, before the moves (what can move without pushing a unit below its norm).</summary>
    public int SurplusBefore { get; init; }
    public int ShortAfter { get; init; }
    public int TotalCost { get; init; }
    public IReadOnlyList<TransferSuggestion> Suggestions { get; init; } = [];

    /// <summary>How the plan was computed (solver, model, network size), for the page and the record.</summary>
    public TransferMethod Method { get; init; } = new();
}

public sealed record TransferMethod
{
    public string Solver { get; init; } = "";
    public string Status { get; init; } = "";
    public int Nodes { get; init; }
    public int Arcs { get; init; }
    public int CandidateWorkers { get; init; }
    public string Description { get; init; } = "";
}
