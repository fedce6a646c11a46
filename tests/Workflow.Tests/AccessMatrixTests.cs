using Platform.Testing;

namespace Platform.Workflow.Tests;

/// <summary>Every endpoint of the service × every role and no token: admitted exactly as it declares.</summary>
[Collection(WorkflowServiceCollection.Name)]
public class AccessMatrixTests(WorkflowServiceFactory service) : AccessMatrixTest<Program>(service);
