namespace Platform.Organization.Import;

public enum RosterKind
{
    Members,
    Staff,
    Units,
}

public enum ImportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>A problem with one row (row 1 is the header), named so the sender can fix the file.</summary>
public sealed record RowProblem(int Row, string? Column, string Code, string Message);

/// <summary>A roster import: checked when submitted, then applied all-or-nothing by the import worker, with progress.</summary>
public sealed class ImportJob
{
    private ImportJob()
    {
    }

    public Guid Id { get; private set; }

    public RosterKind Kind { get; private set; }

    public ImportStatus Status { get; private set; }

    /// <summary>The file, encrypted: rosters carry phones and ID-card numbers.</summary>
    public string ProtectedCsv { get; private set; } = "";

    public int TotalRows { get; private set; }

    public int ProcessedRows { get; private set; }

    public int CreatedCount { get; private set; }

    public List<RowProblem> Problems { get; private set; } = [];

    public string? Error { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public static ImportJob Queue(RosterKind kind, string protectedCsv, int rows, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), Kind = kind, ProtectedCsv = protectedCsv, TotalRows = rows, Status = ImportStatus.Queued, SubmittedAt = now };

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
        ProtectedCsv = "";
    }

    public void Fail(string error, IReadOnlyList<RowProblem> problems, DateTimeOffset now)
    {
        Status = ImportStatus.Failed;
        Error = error;
        Problems = [.. problems];
        FinishedAt = now;
    }
}
