namespace Platform.Workflow.Cases;

/// <summary>Who did something to a case: a signed-in caller, a reporting channel, or the deadline timer.</summary>
public sealed record Actor(string Subject, string Name, Guid? PersonId)
{
    public static readonly Actor DeadlineTimer = new("system:deadline-timer", "期限监督", null);

    public static Actor Of(Caller caller) => new(caller.Subject, caller.Name, caller.PersonId);
}
