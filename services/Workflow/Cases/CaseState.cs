using System.Text.Json.Serialization;

namespace Platform.Workflow.Cases;

/// <summary>
/// Where a case stands in the closed loop (docs/architecture.md, The case loop; the national standard's steps:
/// collection, filing, dispatch, handling, feedback, verification and closing).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseState>))]
public enum CaseState
{
    /// <summary>Taken in from a channel, not yet filed.</summary>
    Reported,

    /// <summary>立案: filed as a case, waiting for dispatch.</summary>
    Registered,

    /// <summary>作废: a duplicate or not a case; final.</summary>
    Voided,

    /// <summary>分流交办: sent to a handler; the clock runs from here.</summary>
    Dispatched,

    /// <summary>The handler took it on.</summary>
    Accepted,

    /// <summary>缓办: paused with approval.</summary>
    Deferred,

    /// <summary>The handler submitted the result; the reporter is replied to.</summary>
    Resolved,

    /// <summary>核查: grid staff checked the result on site.</summary>
    Verified,

    /// <summary>结案: final.</summary>
    Closed,

    /// <summary>矛盾纠纷调处: a dispute in mediation (sessions with the parties).</summary>
    Mediating,

    /// <summary>三方协调: community, homeowners' committee and property company meeting over it.</summary>
    Coordinating,
}
