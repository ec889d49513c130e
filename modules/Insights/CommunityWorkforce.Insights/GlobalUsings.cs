// What nearly every feature file of Insights uses: the house's building blocks, the contracts of the modules whose
// published views it reads, and ASP.NET Core's typed results.
global using CommunityWorkforce.BuildingBlocks.Data;
global using CommunityWorkforce.BuildingBlocks.Http;
global using CommunityWorkforce.BuildingBlocks.Security;
global using CommunityWorkforce.Staffing.Contracts;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Http.HttpResults;
