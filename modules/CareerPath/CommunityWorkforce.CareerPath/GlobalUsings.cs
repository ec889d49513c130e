// What nearly every feature file of CareerPath uses: the house's building blocks, the module's own contracts and
// ASP.NET Core's typed results.
global using CommunityWorkforce.BuildingBlocks.Audit;
global using CommunityWorkforce.BuildingBlocks.Data;
global using CommunityWorkforce.BuildingBlocks.Http;
global using CommunityWorkforce.BuildingBlocks.Security;
global using CommunityWorkforce.CareerPath.Contracts;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Http.HttpResults;
