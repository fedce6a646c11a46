using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>The service's OpenAPI document: kept in the repository, and saying what each operation does and how it fails.</summary>
[Collection(OrganizationServiceCollection.Name)]
public class OpenApiContractTests(OrganizationServiceFactory service) : OpenApiContractTest<Program>(service, "organization");
