using System.Text.Json.Serialization;
using Platform.ServiceDefaults.PersonalData;
using Platform.ServiceDefaults.Domain;

namespace Platform.Workflow.Mediation;

[JsonConverter(typeof(JsonStringEnumConverter<MeetingKind>))]
public enum MeetingKind
{
    MediationSession,
    TripartiteMeeting,
}
