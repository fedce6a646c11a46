using Microsoft.EntityFrameworkCore;

namespace Platform.BuildingBlocks.Import;

public enum ImportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>A problem with one row or feature of a file (for CSV, row 1 is the header), named so the sender can fix it.</summary>
public sealed record RowProblem(int Row, string? Column, string Code, string Message);

/// <summary>
/// A file import: checked when submitted, then applied all-or-nothing by the service's
/// <see cref="ImportWorker{TDbContext}"/>, with progress a client can watch.
/// </summary>
public sealed class ImportJob
{
    public const int MaxKindLength = 30;

    private ImportJob() { }

    public Guid Id { get; private set; }

    /// <summary>What the file holds, as its importer names it (members, grids, buildings...).</summary>
    public string Kind { get; private set; } = "";

    public ImportStatus Status { get; private set; }

    /// <summary>The file, encrypted: files may carry personal data. Emptied when the job completes.</summary>
    public string Payload { get; private set; } = "";

    public int TotalRows { get; private set; }

    public int ProcessedRows { get; private set; }

    public int CreatedCount { get; private set; }

    public List<RowProblem> Problems { get; private set; } = [];

    public string? Error { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public int Percent => TotalRows == 0 ? 100 : (int)(100L * ProcessedRows / TotalRows);

    public static ImportJob Queue(string kind, string protectedPayload, int rows, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            Payload = protectedPayload,
            TotalRows = rows,
            Status = ImportStatus.Queued,
            SubmittedAt = now,
        };

    public void Start(DateTimeOffset now)
    {
        Status = ImportStatus.Running;
        StartedAt = now;
        ProcessedRows = 0;
    }

    public void Progress(int processed) => ProcessedRows = processed;

    public void Complete(int created, DateTimeOffset now)
    {
        Status = ImportStatus.Completed;
        ProcessedRows = TotalRows;
        CreatedCount = created;
        FinishedAt = now;
        Payload = "";
    }

    public void Fail(string error, IReadOnlyList<RowProblem> problems, DateTimeOffset now)
    {
        Status = ImportStatus.Failed;
        Error = error;
        Problems = [.. problems];
        FinishedAt = now;
    }
}

public static class ImportModel
{
    /// <summary>The <c>import_jobs</c> table of a service that imports files.</summary>
    public static ModelBuilder AddImportJobs(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ImportJob>(e =>
        {
            e.ToTable("import_jobs");
            e.HasKey(j => j.Id);
            e.Property(j => j.Kind).HasMaxLength(ImportJob.MaxKindLength);
            e.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(j => j.Error).HasMaxLength(500);
            e.OwnsMany(j => j.Problems, b => b.ToJson("problems"));
            e.HasIndex(j => new { j.Status, j.SubmittedAt });
        });
        return modelBuilder;
    }
}
