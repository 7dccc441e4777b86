namespace Escalation.Data.Entities;

/// <summary>
/// An invitation to set a password. Only a hash of the token is kept; the link works once, until it expires.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>SHA-256 of the token, as lower-case hex.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
