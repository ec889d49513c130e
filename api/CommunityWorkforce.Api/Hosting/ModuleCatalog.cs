using CommunityWorkforce.Access;
using CommunityWorkforce.BuildingBlocks.Modules;
using CommunityWorkforce.CareerPath;
using CommunityWorkforce.CompetencyFramework;
using CommunityWorkforce.Insights;
using CommunityWorkforce.Performance;
using CommunityWorkforce.Staffing;
using CommunityWorkforce.Training;

namespace CommunityWorkforce.Api.Hosting;

/// <summary>The one list of modules the host composes. Adding a module is one line here.</summary>
public static class ModuleCatalog
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new PlatformModule(),
        new StaffingModule(),
        new AccessModule(),
        new CompetencyFrameworkModule(),
        new TrainingModule(),
        new CareerPathModule(),
        new PerformanceModule(),
        new InsightsModule(),
    ];
}
