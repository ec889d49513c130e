using CommunityWorkforce.BuildingBlocks.Security;

namespace CommunityWorkforce.BuildingBlocks.Workbench;

/// <summary>
/// One card on the caller's workbench (工作台): something waiting for them, how many, and the client route that
/// lists exactly those items. The client words the card from <see cref="Key"/> (each feature's own i18n file), so
/// the API carries codes, not sentences.
/// </summary>
public sealed record WorkbenchTodo
{
    /// <summary>Stable code <c>module.what</c>, e.g. <c>staffing.rotations-waiting</c>; unique across modules.</summary>
    public required string Key { get; init; }

    /// <summary>The contributing module's <see cref="Modules.IModule.Name"/>.</summary>
    public required string Module { get; init; }

    /// <summary>How many items wait; equals the length of the list <see cref="Link"/> opens (tests hold every contributor to it).</summary>
    public required int Count { get; init; }

    /// <summary>The client route (with its query string) that lists the items, e.g. <c>/rotations?status=submitted</c>.</summary>
    public required string Link { get; init; }

    /// <summary>The API list (path and query under /api) whose <c>total</c> equals <see cref="Count"/>; what the tests compare.</summary>
    public required string ApiList { get; init; }

    /// <summary><c>info</c>, <c>warning</c> (due soon) or <c>danger</c> (overdue, over quota).</summary>
    public string Severity { get; init; } = WorkbenchSeverity.Info;
}

public static class WorkbenchSeverity
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Danger = "danger";
}

/// <summary>
/// A module's contribution to <c>GET /api/me/todos</c>. Register with
/// <c>services.AddScoped&lt;IWorkbenchContributor, MyModuleTodos&gt;()</c>; every count must be scoped exactly like
/// the list it links to (same caller, same filters), and a role with nothing to do here returns no card.
/// </summary>
public interface IWorkbenchContributor
{
    Task<IReadOnlyList<WorkbenchTodo>> TodosAsync(CurrentUser user, CancellationToken ct);
}

public sealed record WorkbenchResponse(IReadOnlyList<WorkbenchTodo> Todos);
