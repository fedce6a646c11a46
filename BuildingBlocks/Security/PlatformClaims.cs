namespace Platform.BuildingBlocks.Security;

/// <summary>
/// The claims of a platform access token. The Organization service puts them in at sign-in, derived from the
/// account's roles and the person's posts and assignments; every service reads them through <see cref="Caller"/>.
/// </summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>The person record the account belongs to, when there is one.</summary>
    public const string Person = "person_id";

    /// <summary>A community the caller works in (one claim each).</summary>
    public const string Community = "community";

    /// <summary>A grid the caller works in (one claim each).</summary>
    public const string Grid = "grid";

    /// <summary>The department a handler works for (its code).</summary>
    public const string Department = "department";

    /// <summary>The member unit a liaison speaks for.</summary>
    public const string Unit = "unit";

    /// <summary>"machine" for client-credentials callers (Open311 clients, integrations).</summary>
    public const string ClientKind = "client_kind";

    /// <summary>Who the tokens are for: every platform API accepts only tokens issued to it.</summary>
    public const string ApiAudience = "platform-api";
}
