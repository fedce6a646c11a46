using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.BuildingBlocks.Security;

/// <summary>
/// The OpenAPI documents say how to call: a bearer token scheme, required by every operation that is not
/// public, and the roles each operation admits (as <c>x-roles</c>; the description says them in words).
/// </summary>
internal static class OpenApiSecurity
{
    private const string Scheme = "Bearer";

    public static OpenApiOptions AddBearerSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer(
            (document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An access token from POST /connect/token (password grant, client platform-app), sent as 'Authorization: Bearer <token>'.",
                };
                return Task.CompletedTask;
            }
        );
        options.AddOperationTransformer(
            (operation, context, _) =>
            {
                var rule = context.Description.ActionDescriptor.EndpointMetadata.OfType<AccessRule>().FirstOrDefault();
                if (rule is null || rule.Public)
                {
                    return Task.CompletedTask;
                }

                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions["x-roles"] = new JsonNodeExtension(
                    new System.Text.Json.Nodes.JsonArray([.. rule.Roles.Select(r => (System.Text.Json.Nodes.JsonNode)r!)])
                );
                return Task.CompletedTask;
            }
        );
        return options;
    }
}
