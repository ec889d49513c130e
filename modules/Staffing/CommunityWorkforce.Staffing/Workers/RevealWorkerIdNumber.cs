using CommunityWorkforce.Staffing.Codes;
using CommunityWorkforce.Staffing.OrgUnits;

namespace CommunityWorkforce.Staffing.Workers;

/// <summary>Shows one worker's full citizen ID number to HR for a stated reason, audited.</summary>
internal static class RevealWorkerIdNumber
{
    /// <summary>Returns the full ID number to HR or admin, and writes who, when and why to the audit log.</summary>
    public static async Task<Results<Ok<RevealIdResponse>, ValidationProblem, NotFound>> Handle(
        Guid id, RevealIdRequest request, DbSession db, CurrentUser user, WorkerWriter writer, AuditWriter audit,
        CancellationToken ct)
    {
        var validator = new Validator().Required("reason", request.Reason, 500, minLength: 2);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var row = await WorkerLookup.FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
        var number = writer.Reveal(row);
        await audit.WriteAsync(new AuditEntry("staffing.worker.id-revealed", "worker", id, row.OrgPath, null, request.Reason!.Trim()), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new RevealIdResponse(id, number));
    }
}
