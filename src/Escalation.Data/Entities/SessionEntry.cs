namespace Escalation.Data.Entities;

/// <summary>
/// One entry of the server-side session store: the answers of a half-finished form (a raise or a decision record),
/// kept in the database so that any copy of the service can carry on the journey, and a restart loses nothing.
/// </summary>
public sealed class SessionEntry
{
    public required string Key { get; set; }

    public required byte[] Value { get; set; }

    /// <summary>When the entry stops being readable: the sliding window from its last use, capped by <see cref="AbsoluteExpiresAt"/>.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The sliding window, in seconds; null for an entry that only expires at a fixed time.</summary>
    public long? SlidingSeconds { get; set; }

    public DateTimeOffset? AbsoluteExpiresAt { get; set; }
}
