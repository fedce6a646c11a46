using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// A service's OpenAPI document is the contract its clients are generated from: it is kept in the repository
/// (<c>docs/openapi/&lt;service&gt;.json</c>, where the web client's build reads it), a change to the API that
/// is not written there fails here, and every operation says what it does and how it fails.
/// Set <c>PLATFORM_UPDATE_OPENAPI=1</c> to write the documents after an intended change.
/// </summary>
public abstract partial class OpenApiContractTest<TProgram>(ServiceFactory<TProgram> service, string name)
    where TProgram : class
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public async Task The_document_in_the_repository_is_the_one_the_service_serves()
    {
        var live = JsonNode.Parse(await service.ClientAs(null).GetStringAsync("/openapi/v1.json"))!.ToJsonString(Indented) + "\n";
        var file = Repository.OpenApiDocument(name);
        if (Environment.GetEnvironmentVariable("PLATFORM_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, live);
        }

        Assert.True(File.Exists(file), $"{file} is missing: run the tests with PLATFORM_UPDATE_OPENAPI=1 and commit it.");
        Assert.True(
            await File.ReadAllTextAsync(file) == live,
            $"The API changed but {file} did not: run the tests with PLATFORM_UPDATE_OPENAPI=1, read the diff, and commit "
                + "it (the web client is generated from it)."
        );
    }

    [Fact]
    public async Task Every_operation_has_a_summary_a_description_and_its_error_answers_as_problem_details()
    {
        var document = await ApiDocument.ReadAsync(service.ClientAs(null));
        var failures = new List<string>();
        foreach (var operation in document.Operations)
        {
            var raw = operation.Raw;
            if (!raw.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
            {
                failures.Add($"{operation}: no summary");
            }

            if (!raw.TryGetProperty("description", out var description) || string.IsNullOrWhiteSpace(description.GetString()))
            {
                failures.Add($"{operation}: no description");
            }

            if (!raw.TryGetProperty("operationId", out _))
            {
                failures.Add($"{operation}: no operationId (a generated client names its function after it)");
            }

            var errors = raw.TryGetProperty("responses", out var responses) ? responses.EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList() : [];
            if (errors.Count == 0 && !operation.Path.StartsWith("/open311/", StringComparison.Ordinal))
            {
                failures.Add($"{operation}: declares no 4xx answer");
            }

            foreach (var error in errors.Where(_ => !operation.Path.StartsWith("/open311/", StringComparison.Ordinal)))
            {
                var answer = document.Resolve(error.Value);
                if (!answer.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                {
                    failures.Add($"{operation}: {error.Name} is not declared as application/problem+json");
                }

                // The codes a client can switch on: each one literal, never a pattern or a placeholder.
                var codes = answer.TryGetProperty("x-problem-codes", out var list) ? list.EnumerateArray().Select(c => c.GetString() ?? "").ToList() : [];
                if (codes.Count == 0)
                {
                    failures.Add($"{operation}: {error.Name} lists no x-problem-codes");
                }

                failures.AddRange(codes.Where(c => !Code().IsMatch(c)).Select(c => $"{operation}: {error.Name} lists '{c}', not a code"));
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} problems:\n{string.Join("\n", failures.Take(80))}");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Code();
}
