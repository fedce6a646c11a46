using System.Text.Json.Serialization;

namespace Platform.Workflow.Mediation;

/// <summary>The three sides of tripartite coordination, and who an agreed task falls to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CoordinationParty>))]
public enum CoordinationParty
{
    Community,
    HomeownersCommittee,
    PropertyCompany,
}
