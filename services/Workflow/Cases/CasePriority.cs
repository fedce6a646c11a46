using System.Text.Json.Serialization;

namespace Platform.Workflow.Cases;

[JsonConverter(typeof(JsonStringEnumConverter<CasePriority>))]
public enum CasePriority
{
    /// <summary>Handled the same day.</summary>
    Emergency,
    Urgent,
    Normal,
}
