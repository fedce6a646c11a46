using System.Text.Json.Serialization;
using Platform.BuildingBlocks.PersonalData;
using Platform.BuildingBlocks.Domain;

namespace Platform.Workflow.Mediation;

[JsonConverter(typeof(JsonStringEnumConverter<MeetingKind>))]
public enum MeetingKind
{
    MediationSession,
    TripartiteMeeting,
}
