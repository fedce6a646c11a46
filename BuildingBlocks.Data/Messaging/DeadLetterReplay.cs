namespace Platform.BuildingBlocks.Messaging;

/// <summary>The audit of an operator sending a message back from an error queue: who, when, which message and why it had failed.</summary>
public sealed class DeadLetterReplay
{
    public const int MaxReasonLength = 2000;

    private DeadLetterReplay() { }

    public Guid Id { get; private set; }

    public string MessageId { get; private set; } = "";

    public string Queue { get; private set; } = "";

    public string? MessageType { get; private set; }

    /// <summary>Why the consumer had given up on it (the exception's message).</summary>
    public string? Reason { get; private set; }

    public string ReplayedBy { get; private set; } = "";

    public DateTimeOffset ReplayedAt { get; private set; }

    public static DeadLetterReplay Of(DeadLetter letter, string by, DateTimeOffset at) =>
        new()
        {
            Id = Guid.CreateVersion7(at),
            MessageId = letter.MessageId,
            Queue = letter.Queue,
            MessageType = letter.MessageType,
            Reason = letter.Reason is { Length: > MaxReasonLength } text ? text[..MaxReasonLength] : letter.Reason,
            ReplayedBy = by,
            ReplayedAt = at,
        };
}
