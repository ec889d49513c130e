namespace CommunityWorkforce.Staffing.Contracts;

/// <summary>Post types (三岗), stable codes; display names are configurable.</summary>
public static class PostTypes
{
    /// <summary>正职 / 负责人: Party secretary, committee director, station head.</summary>
    public const string Head = "head";

    /// <summary>副职 / 主管</summary>
    public const string Deputy = "deputy";

    /// <summary>一般 / 工作人员</summary>
    public const string Staff = "staff";

    public static readonly IReadOnlyList<string> All = [Head, Deputy, Staff];
}

/// <summary>The published read model of a worker, for other modules. Never carries the ID number.</summary>
public sealed record WorkerInfo
{
    public Guid Id { get; init; }
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public string Status { get; init; } = "";
}

/// <summary>Single reads of workers for other modules (bulk reads join <see cref="StaffingViews.WorkerScope"/>).</summary>
public interface IWorkerDirectory
{
    Task<WorkerInfo?> FindAsync(Guid id, CancellationToken ct);

    Task<WorkerInfo?> FindByStaffNoAsync(string staffNo, CancellationToken ct);
}

/// <summary>Raised after a leader's approval of a rotation has committed (the postings have already changed).</summary>
public sealed record RotationApproved(Guid RotationRequestId, Guid WorkerId, Guid FromPostingId, Guid NewPostingId, DateOnly EffectiveOn);
