using System.ComponentModel.DataAnnotations;
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
            options.OperationFilter<CamelCaseQueryParameters>();
            options.SchemaFilter<RequiredNonNullableProperties>();
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

    /// <summary>List filters bound with [AsParameters] keep their C# names; the wire convention is camelCase.</summary>
    private sealed class CamelCaseQueryParameters : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } name && char.IsUpper(name[0]))
                {
                    parameter.Name = char.ToLowerInvariant(name[0]) + name[1..];
                }
            }
        }
    }

    /// <summary>
    /// Response properties that can never be null are required in the document, so generated client types need no
    /// undefined checks. Request records declare their properties nullable (the request validation names what is
    /// missing) and state their rules with attributes: <c>[Required]</c> makes a property required and not nullable,
    /// <c>[MaxLength]</c> sets <c>maxLength</c>; the same attributes are enforced by <c>RequestValidation</c>.
    /// </summary>
    private sealed class RequiredNonNullableProperties : ISchemaFilter
    {
        private static readonly System.Reflection.NullabilityInfoContext Nullability = new();

        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema concrete || concrete.Properties is null || context.Type.IsEnum || context.Type.IsPrimitive)
            {
                return;
            }
            foreach (var property in context.Type.GetProperties())
            {
                var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                if (!concrete.Properties.TryGetValue(name, out var propertySchema))
                {
                    continue;
                }
                var declaredRequired = property.IsDefined(typeof(RequiredAttribute), inherit: true);
                var nullable = property.PropertyType.IsValueType
                    ? Nullable.GetUnderlyingType(property.PropertyType) is not null
                    : Nullability.Create(property).ReadState != System.Reflection.NullabilityState.NotNull;
                if (!nullable || declaredRequired)
                {
                    concrete.Required ??= new HashSet<string>();
                    concrete.Required.Add(name);
                }
                if (propertySchema is not OpenApiSchema inline)
                {
                    continue;
                }
                if (declaredRequired && inline.Type is { } type)
                {
                    inline.Type = type & ~JsonSchemaType.Null;
                }
                if (property.GetCustomAttributes(typeof(MaxLengthAttribute), inherit: true) is [MaxLengthAttribute maxLength, ..])
                {
                    inline.MaxLength = maxLength.Length;
                }
            }
        }
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
