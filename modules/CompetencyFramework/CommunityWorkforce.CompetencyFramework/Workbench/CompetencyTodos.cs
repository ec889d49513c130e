using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.BuildingBlocks.Workbench;
using CommunityWorkforce.CompetencyFramework.Assessments;
using CommunityWorkforce.CompetencyFramework.Campaigns;
using CommunityWorkforce.CompetencyFramework.Certifications;

namespace CommunityWorkforce.CompetencyFramework.Workbench;

/// <summary>
/// The caller's competency to-dos, each counted with the very SQL and arguments of the list it links to: a worker's
/// self-assessments waiting; the supervisor assessments waiting for hr and leaders; for hr, campaigns past their
/// deadline and 全岗通 certifications expiring within 90 days.
/// </summary>
internal sealed class CompetencyTodos(DbSession db, TimeProvider clock) : IWorkbenchContributor
{
    public async Task<IReadOnlyList<WorkbenchTodo>> TodosAsync(CurrentUser user, CancellationToken ct)
    {
        var todos = new List<WorkbenchTodo>();
        var page = new PageQuery();
        var today = LocalDate.Today(clock);
        if (user.Role == Roles.Worker)
        {
            var self = new AssessmentListQuery { Waiting = "self" };
            var count = await db.ExecuteScalarAsync<int>(AssessmentSql.For(user, self).Count, AssessmentSql.ListArgs(user, self, page), ct);
            todos.Add(Todo("competency.self-assessments-waiting", count, "/my-competency", "/competency/assessments?waiting=self",
                WorkbenchSeverity.Info));
        }
        if (user.Role is Roles.Hr or Roles.Leader)
        {
            var supervisor = new AssessmentListQuery { Waiting = "supervisor" };
            var count = await db.ExecuteScalarAsync<int>(AssessmentSql.For(user, supervisor).Count, AssessmentSql.ListArgs(user, supervisor, page), ct);
            todos.Add(Todo("competency.supervisor-assessments-waiting", count, "/competency/assessments?waiting=supervisor",
                "/competency/assessments?waiting=supervisor", WorkbenchSeverity.Info));
        }
        if (user.Role == Roles.Hr)
        {
            var overdue = await db.ExecuteScalarAsync<int>(CampaignSql.Count, CampaignSql.ListArgs(user, null, true, today, page), ct);
            todos.Add(Todo("competency.campaigns-overdue", overdue, "/competency/campaigns?overdue=true",
                "/competency/campaigns?overdue=true", WorkbenchSeverity.Danger));
            var expiring = await db.ExecuteScalarAsync<int>(CertificationSql.ExpiringCount,
                CertificationSql.ExpiringArgs(user, today, CertificationSql.DefaultExpiringDays, 0, 1), ct);
            todos.Add(Todo("competency.certifications-expiring", expiring, "/competency/coverage?expiring=90",
                $"/competency/certifications/expiring?withinDays={CertificationSql.DefaultExpiringDays}", WorkbenchSeverity.Warning));
        }
        return todos;
    }

    private static WorkbenchTodo Todo(string key, int count, string link, string apiList, string severity) => new()
    {
        Key = key, Module = "competency", Count = count, Link = link, ApiList = apiList, Severity = severity,
    };
}
