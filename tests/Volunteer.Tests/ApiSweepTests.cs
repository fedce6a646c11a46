using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Volunteer.Tests;

/// <summary>Every operation in the service's OpenAPI document, called with malformed values and with instants in several offsets.</summary>
[Collection(VolunteerServiceCollection.Name)]
public class ApiSweepTests(VolunteerServiceFactory service, ITestOutputHelper output) : ApiSweepTest<Program>(service, output);
