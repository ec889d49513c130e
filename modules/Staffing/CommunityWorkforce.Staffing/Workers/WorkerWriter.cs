namespace CommunityWorkforce.Staffing.Workers;

/// <summary>Writes new roster entries (API and import): protects the ID number, assigns staff numbers, audits.</summary>
internal sealed class WorkerWriter(DbSession db, PersonalDataProtector protector, AuditWriter audit, RosterIndex index, TimeProvider clock)
{
    public string HashOf(CitizenId id) => protector.Hash(id.Value);

    public async Task<bool> IdNumberExistsAsync(CitizenId id, CancellationToken ct) =>
        await db.ExecuteScalarAsync<int>(WorkerSql.IdNumberHashExists, new { Hash = HashOf(id) }, ct) > 0;

    public async Task<bool> StaffNoExistsAsync(string staffNo, CancellationToken ct) =>
        await db.ExecuteScalarAsync<int>(WorkerSql.StaffNoExists, new { StaffNo = staffNo }, ct) > 0;

    /// <summary>Inserts inside the caller's transaction; uniqueness must have been checked in it.</summary>
    public async Task<Guid> InsertAsync(NewWorker worker, string orgPath, CancellationToken ct)
    {
        var staffNo = worker.StaffNo?.ToUpperInvariant() ?? await NextStaffNoAsync(ct);
        var id = Guid.NewGuid();
        var secret = protector.Protect(worker.IdNumber.Value);
        await db.ExecuteAsync(WorkerSql.Insert, new
        {
            Id = id,
            StaffNo = staffNo,
            worker.Name,
            IdNumberCipher = secret.Cipher,
            IdNumberKeyId = secret.KeyId,
            IdNumberHash = secret.Hash,
            IdNumberMasked = worker.IdNumber.Masked,
            worker.IdNumber.BirthDate,
            worker.IdNumber.Gender,
            worker.EthnicGroup,
            worker.PoliticalStatus,
            worker.Education,
            worker.Phone,
            PhoneLast4 = Last4(worker.Phone),
            worker.HireDate,
            worker.ServiceStartDate,
            worker.OrgUnitId,
            OrgPath = orgPath,
            worker.IsDemo,
            Now = clock.GetUtcNow(),
        }, ct);
        await index.IndexNewNameAsync(id, worker.Name, orgPath, ct);
        await audit.WriteAsync(new AuditEntry("staffing.worker.created", "worker", id, orgPath, new
        {
            staffNo, worker.Name, idNumber = worker.IdNumber.Masked, worker.OrgUnitId, worker.HireDate,
        }), ct);
        return id;
    }

    public static string? Last4(string? phone) => phone is { Length: >= 4 } ? phone[^4..] : null;

    public string Reveal(WorkerRow row) => protector.Unprotect(row.IdNumberCipher, row.IdNumberKeyId);

    private async Task<string> NextStaffNoAsync(CancellationToken ct)
    {
        while (true)
        {
            await db.ExecuteAsync(WorkerSql.NextStaffNo, null, ct);
            var next = await db.ExecuteScalarAsync<long>(WorkerSql.CurrentStaffNo, null, ct);
            var staffNo = "CW" + next.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            if (!await StaffNoExistsAsync(staffNo, ct))
            {
                return staffNo;
            }
        }
    }
}
