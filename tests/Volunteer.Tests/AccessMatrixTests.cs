using Platform.Testing;

namespace Platform.Volunteer.Tests;

/// <summary>Every endpoint of the service × every role and no token: admitted exactly as it declares.</summary>
[Collection(VolunteerServiceCollection.Name)]
public class AccessMatrixTests(VolunteerServiceFactory service) : AccessMatrixTest<Program>(service);
