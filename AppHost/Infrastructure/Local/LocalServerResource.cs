namespace Platform.AppHost.Infrastructure.Local;

/// <summary>A server run as a plain process of the machine's own binaries, with the connection string clients use.</summary>
public sealed class LocalServerResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory),
        IResourceWithConnectionString
{
    public ReferenceExpression ConnectionString { get; set; } = ReferenceExpression.Create($"");

    public ReferenceExpression ConnectionStringExpression => ConnectionString;
}

/// <summary>One service's database on a local Postgres server. The service's migrations create it.</summary>
public sealed class LocalDatabaseResource(string name, LocalServerResource server)
    : Resource(name),
        IResourceWithParent<LocalServerResource>,
        IResourceWithConnectionString
{
    public LocalServerResource Parent { get; } = server;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent.ConnectionStringExpression};Database={Name}");
}
