using System.Text.Json;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// The C# keeps a width a reader can take in. CSharpier lays out the code (every build checks it) but leaves a long string
/// or comment whole; this holds those to the same width.
/// </summary>
public class CodeLayoutTests
{
    private const int Width = 160;

    [Fact]
    public void The_formatter_and_this_check_agree_on_the_width()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, ".csharpierrc.json")));
        Assert.Equal(Width, settings.RootElement.GetProperty("printWidth").GetInt32());
    }

    [Fact]
    public void No_line_of_written_CSharp_is_wider_than_the_width()
    {
        var skipped = new[] { "obj", "bin", "node_modules", "Migrations", ".git" };
        var files = Directory
            .EnumerateFiles(Repository.Root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Repository.Root, f).Split(Path.DirectorySeparatorChar).Any(skipped.Contains))
            .ToList();
        Assert.True(files.Count > 300, $"Only {files.Count} C# files found under {Repository.Root}.");

        var wide = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, line.Length)))
            .Where(l => l.Length > Width)
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.File)}:{l.Line} ({l.Length} characters)")
            .ToList();
        Assert.True(wide.Count == 0, $"{wide.Count} lines are wider than {Width} characters; split the string or comment:\n{string.Join("\n", wide.Take(40))}");
    }
}
