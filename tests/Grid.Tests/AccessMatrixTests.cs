using Platform.Testing;

namespace Platform.Grid.Tests;

/// <summary>Every endpoint of the service × every role and no token: admitted exactly as it declares.</summary>
[Collection(GridServiceCollection.Name)]
public class AccessMatrixTests(GridServiceFactory service) : AccessMatrixTest<Program>(service);
