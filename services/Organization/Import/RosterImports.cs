using Platform.BuildingBlocks.Import;

namespace Platform.Organization.Import;

/// <summary>A roster file of one kind (members, staff, units), imported through the shared import jobs.</summary>
public sealed class RosterImport(RosterKind kind, RosterImporter importer) : IImporter
{
    public string Kind { get; } = kind.ToString().ToLowerInvariant();

    public string ContentType => "text/csv";

    public Task<ImportPlan> PrepareAsync(string payload, CancellationToken ct) => importer.PrepareAsync(kind, payload, ct);

    public void Add(object entity) => importer.Add(entity);

    public static IServiceCollection AddRosterImports(IServiceCollection services)
    {
        services.AddScoped<RosterImporter>();
        foreach (var kind in Enum.GetValues<RosterKind>())
        {
            services.AddScoped<IImporter>(sp => new RosterImport(kind, sp.GetRequiredService<RosterImporter>()));
        }

        return services;
    }
}
