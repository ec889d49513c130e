using CommunityWorkforce.Training.Settings;

namespace CommunityWorkforce.Training.Certificates;

/// <summary>Certificate reads other Training features need (the track, the workbench), scoped to the caller.</summary>
internal static class CertificateLookup
{
    internal static async Task<CertificateResponse?> Find(DbSession db, CurrentUser user, TrainingSettingsStore settings, DateOnly today, Guid id, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<CertificateRow>(CertificateSql.Get, new { Id = id, Scope = user.WorkerPathScope, user.OnlyWorkerId }, ct);
        return row is null ? null : ToResponse(row, await settings.GetAsync(ct), today);
    }

    internal static object ListArgs(CurrentUser user, CertificateListQuery filter, PageQuery page, DateOnly today) => new
    {
        Scope = user.WorkerPathScope, user.OnlyWorkerId, filter.WorkerId, filter.Kind, Today = today,
        ExpiringBy = filter.ExpiringWithinDays is { } days ? today.AddDays(days) : (DateOnly?)null,
        Q = page.QPattern, page.Skip, Take = page.Size,
    };

    internal static CertificateResponse ToResponse(CertificateRow r, TrainingSettings settings, DateOnly today)
    {
        var socialWork = r.Kind == CertificateKinds.SocialWork;
        return new CertificateResponse
        {
            Id = r.Id, WorkerId = r.WorkerId, WorkerName = r.WorkerName, StaffNo = r.StaffNo, Kind = r.Kind, Level = r.Level, Name = r.Name,
            Number = r.Number, IssuedOn = r.IssuedOn, RegisteredOn = r.RegisteredOn, ExpiresOn = r.ExpiresOn,
            DaysToExpiry = r.ExpiresOn is { } e ? e.DayNumber - today.DayNumber : null,
            ContinuingEducationHours = socialWork ? r.ContinuingHours : null,
            ContinuingEducationRequired = socialWork
                ? CertificateRules.ContinuingEducationRequired(r.Level, settings.ContinuingEducationAssistantHours, settings.ContinuingEducationHigherHours)
                : null,
            Version = r.Version,
        };
    }
}
