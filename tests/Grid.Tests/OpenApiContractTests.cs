using Platform.Testing;

namespace Platform.Grid.Tests;

/// <summary>The service's OpenAPI document: kept in the repository, and saying what each operation does and how it fails.</summary>
[Collection(GridServiceCollection.Name)]
public class OpenApiContractTests(GridServiceFactory service) : OpenApiContractTest<Program>(service, "grid");
