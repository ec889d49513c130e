using CommunityWorkforce.Api.Hosting;

var builder = WebApplication.CreateBuilder(HostPaths.Options(args));
builder.AddCommunityWorkforce();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseCommunityWorkforce();
await app.RunAsync();

/// <summary>The host's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
