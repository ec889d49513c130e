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
    public static IServiceCollection AddBuildingBlocks(this IServiceCollection services, DatabaseOptions database,
        Microsoft.Extensions.Configuration.IConfiguration configuration, string dataFolder)
    {
        services.AddSingleton(database);
        services.AddSingleton<DbConnectionFactory>();
        services.AddSingleton<ModuleMigrator>();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<DbSession>();
        services.AddSingleton<ReadCache>();
        services.AddScoped<EventPublisher>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddSingleton(ValidationOptions.From(configuration));
        services.AddSingleton(new Platform.PlatformOptions(dataFolder));
        services.AddSingleton<Platform.LeaseStore>();
        services.AddSingleton(Platform.AuditRetentionOptions.From(configuration));
        services.AddSingleton<Platform.AuditRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<Platform.AuditRetention>());
        services.AddSingleton<WalCheckpointer>();
        services.AddHostedService(sp => sp.GetRequiredService<WalCheckpointer>());
        services.AddSingleton(KeptWarmOptions.From(configuration));
        services.AddSingleton<KeptWarmReads>();
        services.AddHostedService(sp => sp.GetRequiredService<KeptWarmReads>());
        return services;
    }
}
