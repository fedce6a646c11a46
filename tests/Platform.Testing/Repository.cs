namespace Platform.Testing;

/// <summary>Files of the repository the tests read: the OpenAPI documents kept in docs/openapi.</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (Platform.sln) is not above the test binaries.");
        }
    }

    /// <summary>A service's OpenAPI document as kept in the repository (checked against the service by its contract test).</summary>
    public static string OpenApiDocument(string service) => Path.Combine(Root, "docs", "openapi", $"{service}.json");

    public static IEnumerable<string> Services => ["organization", "grid", "volunteer", "workflow"];
}
