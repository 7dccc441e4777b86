namespace Escalation.Core.Decisions;

/// <summary>Where a senior's approval of an assessment stands. It leaves <see cref="Pending"/> once, and never returns.</summary>
public enum ApprovalStatus
{
    Pending,
    Approved,
    Declined,
}

/// <summary>
/// Checks the approver's answer: whether they approve, and a note, which is required when they decline so the
/// assessor knows why. Pure; who may answer and whether it is still pending are the caller's to check.
/// </summary>
public static class ApprovalCheck
{
    public const int NoteMax = 2_000;

    /// <summary>The faults by field (<c>approve</c>, <c>note</c>); empty when the answer may be recorded.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(bool? approve, string? note)
    {
        var errors = new FieldErrors();
        if (approve is null)
            errors.Add("approve", "Say whether you approve the decision: true or false");
        if (note is { Length: > NoteMax })
            errors.Add("note", $"This must be {NoteMax} characters or fewer");
        else if (approve == false && string.IsNullOrWhiteSpace(note))
            errors.Add("note", "Say why you do not approve the decision");
        return errors.ToDictionary();
    }
}
