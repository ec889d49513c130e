namespace CommunityWorkforce.Staffing.Rotations;

/// <summary>
/// A rotation request's life as a pure rule: which status may follow which, and who moves it. The handlers ask this
/// before their conditional write (which re-checks the status the request had when read).
/// </summary>
/// <remarks>
/// <code>
/// draft ──submit──▶ submitted ──approve──▶ approved
///   │                  │  └─────reject───▶ rejected
///   └────withdraw──────┴──withdraw───────▶ withdrawn
/// </code>
/// The requester (HR in scope, or the worker for themself) submits and withdraws; only the street-office leader approves
/// or rejects. Approved, rejected and withdrawn are final.
/// </remarks>
internal static class RotationTransitions
{
    internal enum Actor
    {
        Requester,
        Leader,
    }

    private static readonly (string From, string To, Actor By)[] Allowed =
    [
        (RotationStatus.Draft, RotationStatus.Submitted, Actor.Requester),
        (RotationStatus.Draft, RotationStatus.Withdrawn, Actor.Requester),
        (RotationStatus.Submitted, RotationStatus.Withdrawn, Actor.Requester),
        (RotationStatus.Submitted, RotationStatus.Approved, Actor.Leader),
        (RotationStatus.Submitted, RotationStatus.Rejected, Actor.Leader),
    ];

    public static bool Allows(string from, string to, Actor by) => Allowed.Contains((from, to, by));

    /// <summary>True for a status nothing may follow.</summary>
    public static bool IsFinal(string status) => Allowed.All(t => t.From != status);

    /// <summary>The statuses <paramref name="by"/> may move a request in <paramref name="from"/> to.</summary>
    public static IReadOnlyList<string> Next(string from, Actor by) =>
        Allowed.Where(t => t.From == from && t.By == by).Select(t => t.To).ToList();
}
