// What nearly every feature file of Staffing uses: the house's building blocks, the module's own contracts and
// ASP.NET Core's typed results. Feature-specific namespaces stay in each file.
global using AutoMapper;
global using CommunityWorkforce.BuildingBlocks.Audit;
global using CommunityWorkforce.BuildingBlocks.Data;
global using CommunityWorkforce.BuildingBlocks.Http;
global using CommunityWorkforce.BuildingBlocks.Security;
global using CommunityWorkforce.Staffing.Contracts;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Http.HttpResults;
