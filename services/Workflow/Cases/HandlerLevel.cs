using System.Text.Json.Serialization;

namespace Platform.Workflow.Cases;

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

public static class HandlerLevels
{
    /// <summary>The level that supervises (督办) a case handled at <paramref name="level"/>; null at the top.</summary>
    public static HandlerLevel? Above(HandlerLevel level) =>
        level switch
        {
            HandlerLevel.Grid => HandlerLevel.Community,
            HandlerLevel.Community or HandlerLevel.Department => HandlerLevel.Subdistrict,
            _ => null,
        };
}
