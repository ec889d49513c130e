using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityWorkforce.Access.Auth;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Migrations;
using CommunityWorkforce.BuildingBlocks.Modules;
using CommunityWorkforce.BuildingBlocks.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;

namespace CommunityWorkforce.Api.Hosting;

/// <summary>How the host is put together: modules, data, auth, problem details, OpenAPI, health, the SPA.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddCommunityWorkforce(this WebApplicationBuilder builder)
    {
        var settings = HostSettings.From(builder.Configuration, builder.Environment);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddBuildingBlocks(settings.Database, builder.Configuration, settings.DataFolder);
        var personalData = builder.Configuration.GetSection("PersonalData");
        services.AddSingleton(PersonalDataProtector.Load(
            personalData.GetSection("Keys").GetChildren().Where(k => !string.IsNullOrEmpty(k.Value)).ToDictionary(k => k.Key, k => k.Value!),
            personalData["CurrentKeyId"], personalData["HashKey"], settings.DataFolder));
        services.AddSingleton<IReadOnlyList<IModule>>(ModuleCatalog.All);
        foreach (var module in ModuleCatalog.All)
        {
            module.AddServices(services, builder.Configuration);
        }
        services.AddAutoMapper(_ => { }, ModuleCatalog.All.Select(m => m.Assembly).Distinct().ToArray());

        services.AddCwAuthentication(AuthOptions.Load(builder.Configuration, settings.DataFolder),
            builder.Configuration["Auth:ExternalAudience"]);

        services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });
        // Bad input must name its field: bind failures throw, and the problem handler explains them.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddRequestLocalization(options =>
        {
            // Read-only (cached) instances: the middleware hands a request a read-only culture, and would otherwise clone a
            // writable one on every request — whose date formats are then rebuilt by every date parse (measured: ~7% of
            // the CPU of a write under load went to that).
            var cultures = new[] { CultureInfo.GetCultureInfo("zh-CN"), CultureInfo.GetCultureInfo("en") };
            options.DefaultRequestCulture = new RequestCulture(cultures[0]);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddCwOpenApi();
        // Uploads have their own, lower limit (10 MB); nothing else needs more than this.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
            kestrel.AddServerHeader = false;
        });
        // Build output serves client/dist through the static web assets manifest; published output has it in wwwroot.
        builder.WebHost.UseStaticWebAssets();
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        if (builder.Configuration.GetValue("Hosting:BehindProxy", false))
        {
            // Only when the host is reachable solely through the TLS-terminating proxy: trust its X-Forwarded-* headers.
            services.Configure<ForwardedHeadersOptions>(forwarded =>
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                forwarded.KnownIPNetworks.Clear();
                forwarded.KnownProxies.Clear();
            });
        }
        return builder;
    }

    /// <summary>Applies every module's migrations, then their seeds, in module order.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<HostSettings>();
        var modules = app.Services.GetRequiredService<IReadOnlyList<IModule>>();
        app.Services.GetRequiredService<ModuleMigrator>().MigrateAll(modules);
        var seed = new SeedOptions(settings.SeedDemo, settings.DataFolder);
        foreach (var module in modules.OrderBy(m => m.Order))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await module.SeedAsync(scope.ServiceProvider, seed, CancellationToken.None);
        }
    }

    public static WebApplication UseCommunityWorkforce(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<HostSettings>();
        if (app.Configuration.GetValue("Hosting:BehindProxy", false))
        {
            app.UseForwardedHeaders();
        }
        app.UseSecurityHeaders();
        app.UseHsts();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();

        app.UseSwagger();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/swagger/v1/swagger.json", "CommunityWorkforce API v1");
            ui.DocumentTitle = "CommunityWorkforce API";
        });

        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        var api = app.MapGroup("/api");
        // What request records declare ([Required], [MaxLength], [PlausibleDate]) is enforced before any handler runs.
        api.AddEndpointFilterFactory(RequestValidation.Filter);
        foreach (var module in app.Services.GetRequiredService<IReadOnlyList<IModule>>())
        {
            module.MapEndpoints(api);
        }
        api.MapFallback(() => TypedResults.NotFound()).AllowAnonymous().ExcludeFromDescription();
        HealthEndpoints.Map(app);

        if (settings.ServeClient)
        {
            MapClient(app);
        }
        return app;
    }

    /// <summary>
    /// The SPA as ASP.NET Core static assets: precompressed at build time (brotli, gzip), fingerprinted files cached for a
    /// year as immutable, <c>index.html</c> revalidated (no-cache). Client-side routes fall back to <c>index.html</c>.
    /// </summary>
    private static void MapClient(WebApplication app)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{app.Environment.ApplicationName}.staticwebassets.endpoints.json");
        if (!File.Exists(manifest) || !app.Environment.WebRootFileProvider.GetFileInfo("index.html").Exists)
        {
            return;
        }
        app.MapStaticAssets(manifest);
        app.MapFallbackToFile("index.html", new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}
