namespace CommunityWorkforce.Staffing.Workers;

internal sealed class WorkerDirectory(DbSession db) : IWorkerDirectory
{
    private const string ById = "SELECT worker_id AS id, staff_no, name, org_unit_id, status FROM staffing_v_worker_scope WHERE worker_id = @Id";
    private const string ByStaffNo = "SELECT worker_id AS id, staff_no, name, org_unit_id, status FROM staffing_v_worker_scope WHERE staff_no = @StaffNo";

    public Task<WorkerInfo?> FindAsync(Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<WorkerInfo>(ById, new { Id = id }, ct);

    public Task<WorkerInfo?> FindByStaffNoAsync(string staffNo, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<WorkerInfo>(ByStaffNo, new { StaffNo = staffNo }, ct);
}
