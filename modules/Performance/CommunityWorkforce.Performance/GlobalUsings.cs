// What nearly every feature file of Performance uses.
global using CommunityWorkforce.BuildingBlocks.Audit;
global using CommunityWorkforce.BuildingBlocks.Data;
global using CommunityWorkforce.BuildingBlocks.Http;
global using CommunityWorkforce.BuildingBlocks.Security;
global using CommunityWorkforce.Performance.Contracts;
global using CommunityWorkforce.Staffing.Contracts;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Http.HttpResults;
