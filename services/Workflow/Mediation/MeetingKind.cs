using System.Text.Json.Serialization;

namespace Platform.Workflow.Mediation;

[JsonConverter(typeof(JsonStringEnumConverter<MeetingKind>))]
public enum MeetingKind
{
    MediationSession,
    TripartiteMeeting,
}
