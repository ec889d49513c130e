using CommunityWorkforce.BuildingBlocks.Privacy;
using CommunityWorkforce.Staffing.Postings;
using CommunityWorkforce.Staffing.Rotations;

namespace CommunityWorkforce.Staffing.Workers;

/// <summary>Staffing's part of a worker's data download: the roster record (ID number in full: it is theirs), postings, rotation requests.</summary>
internal sealed class StaffingPersonalData(DbSession db, WorkerWriter writer, IMapper mapper) : IPersonalDataSource
{
    public string Section => "staffing";

    public async Task<object?> CollectAsync(CurrentUser user, CancellationToken ct)
    {
        if (user.WorkerId is not { } workerId)
        {
            return null;
        }
        var self = ScopeArgs.Self(workerId);
        var worker = await WorkerLookup.FindSelf(db, workerId, ct);
        if (worker is null)
        {
            return null;
        }
        var postings = await db.QueryAsync<PostingRow>(PostingSql.ByWorker, new { WorkerId = workerId, self.Scope, self.OnlyWorkerId }, ct);
        var rotations = await db.QueryAsync<RotationRow>(PagedSql(), new
        {
            self.Scope, WorkerScope = ScopeArgs.NoPath, self.OnlyWorkerId, HideDrafts = 0, Status = (string?)null, WorkerId = (Guid?)null, UnitPath = (string?)null,
            Q = (string?)null, Skip = 0, Take = 10_000,
        }, ct);
        return new
        {
            worker = mapper.Map<WorkerResponse>(worker),
            idNumber = writer.Reveal(worker),
            postings = mapper.Map<List<PostingResponse>>(postings),
            rotationRequests = mapper.Map<List<RotationRequestResponse>>(rotations),
        };
    }

    private static string PagedSql() => BuildingBlocks.Http.PagedSql.WithOrderBy(RotationSql.List, "r.created_at");
}
