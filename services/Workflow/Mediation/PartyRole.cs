using System.Text.Json.Serialization;

namespace Platform.Workflow.Mediation;

[JsonConverter(typeof(JsonStringEnumConverter<PartyRole>))]
public enum PartyRole
{
    /// <summary>申请人: who brought the dispute.</summary>
    Applicant,

    /// <summary>被申请人: the other side.</summary>
    Respondent,

    Other,
}
