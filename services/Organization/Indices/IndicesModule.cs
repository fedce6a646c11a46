namespace Platform.Organization.Indices;

public static class IndicesModule
{
    /// <summary>The indices subsystem: who sees which subject, the recompute, and the refresher that keeps the live scores current.</summary>
    public static IHostApplicationBuilder AddIndices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<IndexOptions>(builder.Configuration.GetSection("Platform:Organization:Indices"));
        builder.Services.AddScoped<IndexSubjectDirectory>();
        builder.Services.AddScoped<IndexRecompute>();
        builder.Services.AddSingleton<ScoreRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScoreRefresher>());
        return builder;
    }
}
