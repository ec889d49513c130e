using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Events;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Migrations;
using CommunityWorkforce.BuildingBlocks.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.BuildingBlocks.Modules;

public static class BuildingBlocksServices
{
    public static IServiceCollection AddBuildingBlocks(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton(database);
        services.AddSingleton<DbConnectionFactory>();
        services.AddSingleton<ModuleMigrator>();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<DbSession>();
        services.AddScoped<EventPublisher>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }
}
