using System.Text.Json.Nodes;
using CommunityWorkforce.BuildingBlocks.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CommunityWorkforce.Api.Hosting;

/// <summary>
/// Swagger with the Bearer button. Each operation states its security and, as <c>x-cw-roles</c>, the roles that
/// may call it (the client and the authorisation matrix test read that), plus its 401/403 responses.
/// </summary>
internal static class OpenApiSetup
{
    public static IServiceCollection AddCwOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CommunityWorkforce API",
                Version = "v1",
                Description = "社区工作者队伍建设与管理 — community-worker workforce management.",
                Contact = new OpenApiContact { Name = "CommunityWorkforce" },
            });
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Access token from POST /api/auth/token.",
            });
            options.OperationFilter<AuthorizationOperationFilter>();
            options.CustomSchemaIds(SchemaId);
            options.SupportNonNullableReferenceTypes();
        });
        return services;
    }

    /// <summary>Short, unique schema names: <c>OrgUnitResponse</c>, <c>PagedResultOfOrgUnitResponse</c>.</summary>
    private static string SchemaId(Type type)
    {
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] + "Of" + string.Concat(type.GetGenericArguments().Select(SchemaId)) : type.Name;
        return type.DeclaringType is { } outer && !type.IsGenericParameter ? SchemaId(outer) + name : name;
    }

    private sealed class AuthorizationOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions["x-cw-roles"] = new JsonNodeExtension(new JsonArray("anonymous"));
                return;
            }
            var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
            if (policies.Count == 0)
            {
                return;
            }
            var roles = policies
                .Select(p => Policies.RolesByPolicy.TryGetValue(p!, out var r) ? r : [])
                .Aggregate((IEnumerable<string>)Roles.All, (acc, r) => acc.Intersect(r))
                .ToArray();
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [],
            });
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-cw-roles"] = new JsonNodeExtension(new JsonArray(roles.Select(r => (JsonNode)r!).ToArray()));
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Signed in with a role that may not call this." });
        }
    }
}
