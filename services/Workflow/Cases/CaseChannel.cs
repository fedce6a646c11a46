using System.Text.Json.Serialization;

namespace Platform.Workflow.Cases;

/// <summary>Where a case came in (归口收集: every channel into one register).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseChannel>))]
public enum CaseChannel
{
    /// <summary>Grid staff on patrol, from a phone.</summary>
    GridPatrol,

    /// <summary>A resident from the app.</summary>
    Resident,

    /// <summary>A hotline operator (12345 and the like) on a caller's behalf.</summary>
    Hotline,

    /// <summary>A cadre's visit logged in the Grid service.</summary>
    Visit,

    /// <summary>A supervisory inspection.</summary>
    Inspection,

    /// <summary>A third-party client through Open311 GeoReport v2.</summary>
    Open311,
}
