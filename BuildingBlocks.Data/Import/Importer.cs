namespace Platform.BuildingBlocks.Import;

/// <summary>What a file would create (nothing is written while planning), or every problem of every row.</summary>
public sealed record ImportPlan(int Rows, IReadOnlyList<RowProblem> Problems, IReadOnlyList<object> Entities)
{
    public static ImportPlan Refused(int rows, params RowProblem[] problems) => new(rows, problems, []);
}

/// <summary>
/// One kind of file a service imports (registered scoped, on the service's DbContext): checks it against the
/// same domain rules as the API and prepares the entities; <see cref="Add"/> adds one prepared entity, with its
/// events, to the context (the worker saves, in one transaction).
/// </summary>
public interface IImporter
{
    /// <summary>The kind in the URL: <c>POST .../imports/{kind}</c>.</summary>
    string Kind { get; }

    /// <summary>The media type the file is sent as (text/csv, application/geo+json).</summary>
    string ContentType { get; }

    Task<ImportPlan> PrepareAsync(string payload, CancellationToken ct);

    void Add(object entity);
}
