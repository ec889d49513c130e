using CommunityWorkforce.BuildingBlocks.Modules;
using CommunityWorkforce.CareerPath.Contracts;
using CommunityWorkforce.CareerPath.Queries;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.CareerPath;

/// <summary>职业发展 — grade ladder, level progression, career tracks and eligibility, promotions, reserve cadres, succession risk.</summary>
public sealed class CareerPathModule : IModule
{
    public string Name => "career";
    public string TablePrefix => "career_";
    public int Order => 40;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ICareerQueries, CareerQueries>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api) { }
}
