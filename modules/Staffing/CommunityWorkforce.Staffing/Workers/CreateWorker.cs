using CommunityWorkforce.Staffing.Codes;
using CommunityWorkforce.Staffing.OrgUnits;

namespace CommunityWorkforce.Staffing.Workers;

/// <summary>建档 — HR adds a worker to the roster of a unit in their scope.</summary>
internal static class CreateWorker
{
    public static async Task<Results<Created<WorkerResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        CreateWorkerRequest request, DbSession db, CurrentUser user, WorkerWriter writer, IMapper mapper,
        TimeProvider clock, CancellationToken ct)
    {
        var validator = WorkerRules.CheckNew(new Validator(), request, LocalDate.Today(clock), out var worker);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var unit = await OrgUnitLookup.FindInScope(db, user, worker!.OrgUnitId, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.BeginAsync(ct);
        if (unit.Status != OrgUnitRules.Active)
        {
            return new Validator().Add("orgUnitId", Text.Of("单位已撤销。", "The unit is closed.")).ToProblem();
        }
        if (await writer.IdNumberExistsAsync(worker.IdNumber, ct))
        {
            return WorkerEndpoints.Duplicate("idNumber", Text.Of("该身份证号已在花名册中。", "This ID number is already on the roster."));
        }
        if (worker.StaffNo is { } staffNo && await writer.StaffNoExistsAsync(staffNo, ct))
        {
            return WorkerEndpoints.Duplicate("staffNo", Text.Of($"工号 {staffNo} 已被使用。", $"Staff number {staffNo} is taken."));
        }
        var id = await writer.InsertAsync(worker, unit.Path, ct);
        await tx.CommitAsync(ct);
        var row = await WorkerLookup.FindInScope(db, user, id, ct);
        return TypedResults.Created($"/api/staffing/workers/{id}", mapper.Map<WorkerResponse>(row));
    }
}
