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

[JsonConverter(typeof(JsonStringEnumConverter<CasePriority>))]
public enum CasePriority
{
    /// <summary>Handled the same day.</summary>
    Emergency,
    Urgent,
    Normal,
}

/// <summary>Who handles a case: dispatch resolves at the lowest level that can.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HandlerLevel>))]
public enum HandlerLevel
{
    Grid,
    Community,
    Subdistrict,

    /// <summary>The department responsible for the case's overlaid network (layer) in its grid.</summary>
    Department,
}

[JsonConverter(typeof(JsonStringEnumConverter<CaseRating>))]
public enum CaseRating
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

/// <summary>Who did something to a case: a signed-in caller, a reporting channel, or the deadline timer.</summary>
public sealed record Actor(string Subject, string Name, Guid? PersonId)
{
    public static readonly Actor DeadlineTimer = new("system:deadline-timer", "期限监督", null);

    public static Actor Of(Caller caller) => new(caller.Subject, caller.Name, caller.PersonId);
}

public static class HandlerLevels
{
    /// <summary>The level that supervises (督办) a case handled at <paramref name="level"/>; null at the top.</summary>
    public static HandlerLevel? Above(HandlerLevel level) => level switch
    {
        HandlerLevel.Grid => HandlerLevel.Community,
        HandlerLevel.Community or HandlerLevel.Department => HandlerLevel.Subdistrict,
        _ => null,
    };
}
