using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Workflow.Tests;

/// <summary>Every operation in the service's OpenAPI document, called with malformed values and with instants in several offsets.</summary>
[Collection(WorkflowServiceCollection.Name)]
public class ApiSweepTests(WorkflowServiceFactory service, ITestOutputHelper output) : ApiSweepTest<Program>(service, output);
