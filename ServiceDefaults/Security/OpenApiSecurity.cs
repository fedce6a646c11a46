using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// The OpenAPI documents say how to call: a bearer token scheme, required by every operation that is not
/// public, and the roles each operation admits (in its description and as <c>x-roles</c>).
/// </summary>
internal static class OpenApiSecurity
{
    private const string Scheme = "Bearer";

    public static OpenApiOptions AddBearerSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
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
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var rule = context.Description.ActionDescriptor.EndpointMetadata.OfType<AccessRule>().FirstOrDefault();
            if (rule is null || rule.Public)
            {
                return Task.CompletedTask;
            }

            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
            var roles = $"Roles: {string.Join(", ", rule.Roles)}.";
            operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? roles : $"{operation.Description}\n\n{roles}";
            return Task.CompletedTask;
        });
        return options;
    }
}
