namespace Platform;

/// <summary>
/// Names of the AppHost's resources. Each is also the connection-string name a service reads, so the
/// AppHost and the services compile against this one file (the AppHost links it).
/// </summary>
#if RESOURCE_NAMES_INTERNAL
internal
#else
public
#endif
static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string Redis = "redis";
    public const string RabbitMq = "rabbitmq";

    public const string OrganizationDb = "organizationdb";
    public const string GridDb = "griddb";
    public const string VolunteerDb = "volunteerdb";
    public const string WorkflowDb = "workflowdb";

    public const string Organization = "organization";
    public const string Grid = "grid";
    public const string Volunteer = "volunteer";
    public const string Workflow = "workflow";
    public const string Gateway = "gateway";

    /// <summary>The web console's host, behind the gateway at <c>/</c>.</summary>
    public const string Web = "web";
}
