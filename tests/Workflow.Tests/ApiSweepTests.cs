using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Workflow.Tests;

/// <summary>Every operation in the service's OpenAPI document, called with malformed values and with instants in several offsets.</summary>
[Collection(WorkflowServiceCollection.Name)]
public class ApiSweepTests(WorkflowServiceFactory service, ITestOutputHelper output) : ApiSweepTest<Program>(service, output)
{
    protected override IReadOnlyDictionary<string, string> NotIdempotent { get; } =
        new Dictionary<string, string>
        {
            ["IssueOpen311Key"] = "its answer carries a secret shown once: keeping the answer would keep the secret",
            ["Open311CreateRequest"] = "Open311 GeoReport v2 is form-encoded and defines its own retries (a client's service_request_id)",
        };
}
