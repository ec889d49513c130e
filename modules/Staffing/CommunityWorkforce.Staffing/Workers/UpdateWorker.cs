using CommunityWorkforce.Staffing.Codes;
using CommunityWorkforce.Staffing.OrgUnits;

namespace CommunityWorkforce.Staffing.Workers;

/// <summary>Corrects a worker's record (name, codes, dates, contact) at the version the caller read.</summary>
internal static class UpdateWorker
{
    public static async Task<Results<Ok<WorkerResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, UpdateWorkerRequest request, HttpContext http, [AsParameters] WriteContext write, RosterIndex index,
        IMapper mapper, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = WorkerRules.CheckEditable(new Validator(), request.Name, request.EthnicGroup, request.PoliticalStatus,
            request.Education, request.Phone, request.HireDate, request.ServiceStartDate, LocalDate.Today(clock),
            out var ethnic, out var political, out var education);
        validator.Version(expected);
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
        var after = new
        {
            Name = request.Name!.Trim(), EthnicGroup = ethnic, PoliticalStatus = political, Education = education,
            Phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim(),
            request.HireDate, request.ServiceStartDate,
        };
        if (await db.ExecuteAsync(WorkerSql.Update, new
            {
                Id = id, after.Name, after.EthnicGroup, after.PoliticalStatus, after.Education, after.Phone,
                PhoneLast4 = WorkerWriter.Last4(after.Phone), after.HireDate, after.ServiceStartDate, Version = expected.Value,
                Now = clock.GetUtcNow(),
            }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        if (after.Name != row.Name)
        {
            await index.IndexNameAsync(id, after.Name, ct);
        }
        await audit.WriteAsync(new AuditEntry("staffing.worker.updated", "worker", id, row.OrgPath, new
        {
            before = new { row.Name, row.EthnicGroup, row.PoliticalStatus, row.Education, row.Phone, row.HireDate, row.ServiceStartDate },
            after,
        }), ct);
        await tx.CommitAsync(ct);
        var updated = await WorkerLookup.FindInScope(db, user, id, ct);
        ExpectedVersion.SetETag(http, updated!.Version);
        return TypedResults.Ok(mapper.Map<WorkerResponse>(updated));
    }
}
