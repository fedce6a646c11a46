using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Grid.Tests;

/// <summary>Every operation in the service's OpenAPI document, called with malformed values and with instants in several offsets.</summary>
[Collection(GridServiceCollection.Name)]
public class ApiSweepTests(GridServiceFactory service, ITestOutputHelper output) : ApiSweepTest<Program>(service, output);
