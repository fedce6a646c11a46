using Platform.Testing;

namespace Platform.Volunteer.Tests;

/// <summary>The service's OpenAPI document: kept in the repository, and saying what each operation does and how it fails.</summary>
[Collection(VolunteerServiceCollection.Name)]
public class OpenApiContractTests(VolunteerServiceFactory service) : OpenApiContractTest<Program>(service, "volunteer");
