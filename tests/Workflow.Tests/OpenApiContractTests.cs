using Platform.Testing;

namespace Platform.Workflow.Tests;

/// <summary>The service's OpenAPI document: kept in the repository, and saying what each operation does and how it fails.</summary>
[Collection(WorkflowServiceCollection.Name)]
public class OpenApiContractTests(WorkflowServiceFactory service) : OpenApiContractTest<Program>(service, "workflow");
