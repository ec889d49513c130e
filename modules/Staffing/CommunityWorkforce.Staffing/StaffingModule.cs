using CommunityWorkforce.BuildingBlocks.Modules;
using CommunityWorkforce.Staffing.Demo;
using CommunityWorkforce.Staffing.Excel;
using CommunityWorkforce.Staffing.Headcount;
using CommunityWorkforce.Staffing.OrgUnits;
using CommunityWorkforce.Staffing.Postings;
using CommunityWorkforce.Staffing.Posts;
using CommunityWorkforce.Staffing.Rotations;
using CommunityWorkforce.Staffing.Settings;
using CommunityWorkforce.Staffing.Workbench;
using CommunityWorkforce.Staffing.Workers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Staffing;

/// <summary>人员配置 — org tree, roster, posts and quotas, postings, rotations.</summary>
public sealed class StaffingModule : IModule
{
    public string Name => "staffing";
    public string TablePrefix => "staffing_";
    public int Order => 10;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IOrgUnitDirectory, OrgUnitDirectory>();
        services.AddScoped<IWorkerDirectory, WorkerDirectory>();
        services.AddScoped<IStaffingRules, Headcount.StaffingRules>();
        services.AddScoped<StaffingSettingsStore>();
        services.AddScoped<WorkerWriter>();
        services.AddSingleton<RosterTotals>();
        services.AddScoped<PostingService>();
        services.AddScoped<RosterIndex>();
        services.AddScoped<IPostingCommands, PostingCommands>();
        services.AddScoped<RosterImport>();
        services.AddScoped<BuildingBlocks.Privacy.IPersonalDataSource, StaffingPersonalData>();
        services.AddScoped<BuildingBlocks.Workbench.IWorkbenchContributor, StaffingTodos>();
        services.AddScoped<DemoOrgTree>();
        services.AddScoped<DemoStaffing>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        OrgUnitEndpoints.Map(api);
        HeadcountEndpoints.Map(api);
        WorkerEndpoints.Map(api);
        PostEndpoints.Map(api);
        PostingEndpoints.Map(api);
        RotationEndpoints.Map(api);
        SettingsEndpoints.Map(api);
        ExcelEndpoints.Map(api);
    }

    public async Task SeedAsync(IServiceProvider services, SeedOptions seed, CancellationToken ct)
    {
        await services.GetRequiredService<StaffingSettingsStore>().EnsureDefaultsAsync(ct);
        if (seed.Demo)
        {
            await services.GetRequiredService<DemoOrgTree>().SeedAsync(ct);
            await services.GetRequiredService<DemoStaffing>().SeedAsync(ct);
        }
    }
}
