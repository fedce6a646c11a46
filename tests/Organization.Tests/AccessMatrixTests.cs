using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>Every endpoint of the service × every role and no token: admitted exactly as it declares.</summary>
[Collection(OrganizationServiceCollection.Name)]
public class AccessMatrixTests(OrganizationServiceFactory service) : AccessMatrixTest<Program>(service);
