using Platform.Testing;

namespace Platform.Grid.Tests;

/// <summary>Every endpoint of the service × every role and no token: admitted exactly as it declares.</summary>
public class AccessMatrixTests(GridServiceFactory service) : GridServiceTest(service)
{
    public static TheoryData<string> Callers() => AccessMatrix.Callers();

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_endpoint_admits_exactly_the_roles_it_declares(string caller)
    {
        var failures = await AccessMatrix.CheckAsync(Service.Services, Service.ClientAs, caller);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
