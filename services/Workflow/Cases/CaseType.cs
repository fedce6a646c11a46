using System.Text.Json.Serialization;

namespace Platform.Workflow.Cases;

/// <summary>
/// The kinds of case with their own steps: the general loop, dispute mediation (矛盾纠纷调处) and tripartite
/// coordination (三方协调). Every kind counts in the assessment like any case.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseType>))]
public enum CaseType
{
    General,
    Mediation,
    Tripartite,
}
