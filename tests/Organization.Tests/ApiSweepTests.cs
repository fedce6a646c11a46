using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Organization.Tests;

/// <summary>Every operation in the service's OpenAPI document, called with malformed values and with instants in several offsets.</summary>
[Collection(OrganizationServiceCollection.Name)]
public class ApiSweepTests(OrganizationServiceFactory service, ITestOutputHelper output) : ApiSweepTest<Program>(service, output);
