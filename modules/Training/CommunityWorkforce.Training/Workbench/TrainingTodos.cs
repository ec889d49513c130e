using CommunityWorkforce.BuildingBlocks.Workbench;
using CommunityWorkforce.Training.Certificates;
using CommunityWorkforce.Training.Compliance;
using CommunityWorkforce.Training.Sessions;

namespace CommunityWorkforce.Training.Workbench;

/// <summary>
/// Training's cards on the workbench (工作台). Each count runs the SQL of the list its card opens, with that list's
/// arguments, so the number on the card is the list's total. A card with nothing waiting is left out.
/// </summary>
internal sealed class TrainingTodos(DbSession db, ComplianceReader compliance, TimeProvider clock) : IWorkbenchContributor
{
    public const string MyUpcoming = "training.my-upcoming";
    public const string MovedUp = "training.moved-up";
    public const string AttendanceDue = "training.attendance-due";
    public const string NonCompliant = "training.non-compliant";
    public const string CertificatesExpiring = "training.certificates-expiring";

    private const string Module = "training";
    private const int ExpiringDays = 90;

    public async Task<IReadOnlyList<WorkbenchTodo>> TodosAsync(CurrentUser user, CancellationToken ct)
    {
        IEnumerable<WorkbenchTodo> cards = user.Role switch
        {
            Roles.Worker when user.WorkerId is not null => [await Upcoming(user, ct), await Promoted(user, ct)],
            Roles.Hr or Roles.Admin => [await Attendance(user, ct), await Compliance(user, ct), await Expiring(user, ct)],
            _ => [],
        };
        return cards.Where(c => c.Count > 0).ToList();
    }

    private static readonly PageQuery One = new() { Page = 1, PageSize = 1 };

    /// <summary>The count of the enrolment list a to-do opens, with the list's own SQL and arguments.</summary>
    private async Task<int> CountAsync(CurrentUser user, EnrollmentListQuery filter, CancellationToken ct) =>
        await db.ExecuteScalarAsync<int>(EnrollmentSql.For(user, filter).Count, SessionLookup.EnrollmentListArgs(user, filter, One, clock.GetUtcNow()), ct);

    /// <summary>My sessions ahead (enrolled, not waiting).</summary>
    private async Task<WorkbenchTodo> Upcoming(CurrentUser user, CancellationToken ct) => new()
    {
        Key = MyUpcoming, Module = Module,
        Count = await CountAsync(user, new EnrollmentListQuery { Status = EnrollmentStatus.Enrolled, Upcoming = true }, ct),
        Link = "/my-profile?tab=training", ApiList = "training/enrollments?status=enrolled&upcoming=true",
    };

    /// <summary>Seats I got from the waiting list, for sessions ahead: the promoted worker is told here.</summary>
    private async Task<WorkbenchTodo> Promoted(CurrentUser user, CancellationToken ct) => new()
    {
        Key = MovedUp, Module = Module, Severity = WorkbenchSeverity.Warning,
        Count = await CountAsync(user, new EnrollmentListQuery { Status = EnrollmentStatus.Enrolled, Upcoming = true, Promoted = true }, ct),
        Link = "/my-profile?tab=training", ApiList = "training/enrollments?status=enrolled&upcoming=true&promoted=true",
    };

    /// <summary>Sessions that have started with participants whose attendance is not taken.</summary>
    private async Task<WorkbenchTodo> Attendance(CurrentUser user, CancellationToken ct) => new()
    {
        Key = AttendanceDue, Module = Module, Severity = WorkbenchSeverity.Warning,
        Count = await db.ExecuteScalarAsync<int>(SessionSql.Count, SessionLookup.SessionListArgs(user,
            new SessionListQuery { Attendance = "due" }, One, clock.GetUtcNow()), ct),
        Link = "/training/sessions?attendance=due", ApiList = "training/sessions?attendance=due",
    };

    /// <summary>Workers short of this year's hours or missing a mandatory course.</summary>
    private async Task<WorkbenchTodo> Compliance(CurrentUser user, CancellationToken ct)
    {
        var args = (await compliance.ArgsAsync(user, new ComplianceQuery { Status = "noncompliant" }, One, ct))!;
        return new WorkbenchTodo
        {
            Key = NonCompliant, Module = Module, Severity = WorkbenchSeverity.Danger,
            Count = await compliance.CountAsync(args, ct),
            Link = "/training/compliance?status=noncompliant", ApiList = "training/compliance?status=noncompliant",
        };
    }

    /// <summary>Certificates (registrations) expiring within 90 days.</summary>
    private async Task<WorkbenchTodo> Expiring(CurrentUser user, CancellationToken ct) => new()
    {
        Key = CertificatesExpiring, Module = Module, Severity = WorkbenchSeverity.Warning,
        Count = await db.ExecuteScalarAsync<int>(CertificateSql.Count, CertificateLookup.ListArgs(user,
            new CertificateListQuery { ExpiringWithinDays = ExpiringDays }, One, LocalDate.Today(clock)), ct),
        Link = $"/training/certificates?expiringWithinDays={ExpiringDays}", ApiList = $"training/certificates?expiringWithinDays={ExpiringDays}",
    };
}
