using System.Text.Json.Serialization;

namespace Platform.Workflow.Cases;

[JsonConverter(typeof(JsonStringEnumConverter<CaseRating>))]
public enum CaseRating
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}
