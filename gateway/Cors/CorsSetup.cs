namespace Platform.Gateway.Cors;

public static class CorsSetup
{
    /// <summary>
    /// Browsers may call the API from the web origins in <c>Platform:Cors:Origins</c> (none by default: the
    /// mobile apps and same-origin pages need none). Tokens travel in the Authorization header, never cookies.
    /// </summary>
    public static IServiceCollection AddPlatformCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Platform:Cors:Origins").Get<string[]>() ?? [];
        services.AddCors(cors =>
            cors.AddDefaultPolicy(policy =>
            {
                policy
                    .WithOrigins(origins)
                    .WithHeaders("Authorization", "Content-Type", "X-Correlation-Id", "If-Match")
                    .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                    .WithExposedHeaders("X-Correlation-Id", "Retry-After", "Location", "ETag")
                    .SetPreflightMaxAge(TimeSpan.FromHours(1));
            })
        );
        return services;
    }
}
