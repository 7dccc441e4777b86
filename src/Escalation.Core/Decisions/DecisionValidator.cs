using Escalation.Core.Engine;

namespace Escalation.Core.Decisions;

/// <summary>
/// Checks a recorded decision against the result it answers. Pure: the caller looks up the approver and passes the
/// time. Every required action must be taken or its omission explained in the rationale; where the rule demands it,
/// an omission also needs the approval of a named person who holds the <c>Senior</c> role in the assessor's own agency
/// (not the assessor); and when no referral is made, a review date. Naming an approver asks them to approve: they
/// decide later, in the service, and the record shows whether they have.
/// </summary>
public static class DecisionValidator
{
    public const int RationaleMax = 10_000;
    public const int ConsultedMax = 200;

    /// <summary>How far ahead of the clock a consultation time may be, for clocks that disagree a little.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Checks a decision; a 400 fault stops the check before the guide's rules (the 422s) are applied.</summary>
    /// <param name="guide">The guide the result came from.</param>
    /// <param name="result">The evaluation the decision answers.</param>
    /// <param name="decision">The decision, or null if none was sent.</param>
    /// <param name="assessor">The person recording the decision, who cannot approve their own override; the approver must be of their agency.</param>
    /// <param name="approver">The person named in <see cref="RecordedDecision.ApproverId"/>, or null if not in the directory.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="today">Today's date in the partnership's time zone.</param>
    public static DecisionCheck Validate(DecisionGuide guide, DecisionResult result, RecordedDecision? decision, DirectoryPerson assessor,
        DirectoryPerson? approver, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(assessor);
        var invalid = new FieldErrors();
        var missing = new FieldErrors();
        if (decision is null)
        {
            invalid.Add("decision", "Record your decision: the actions taken, and a rationale for any required action left out");
            return new DecisionCheck(invalid.ToDictionary(), missing.ToDictionary(), [], []);
        }

        var taken = ActionsTaken(guide, decision.ActionsTaken, invalid);
        CheckValues(guide, decision, now, today, invalid);
        var leftOut = result.RequiredActions
            .Where(a => a != DecisionActions.SeniorApprovalToOverride && !taken.Contains(a)).ToArray();
        if (invalid.Count > 0)
            return new DecisionCheck(invalid.ToDictionary(), missing.ToDictionary(), taken, leftOut);

        if (leftOut.Length > 0 && string.IsNullOrWhiteSpace(decision.Rationale))
        {
            missing.Add("decision.rationale",
                $"Explain why you have not taken these required actions: {string.Join("; ", leftOut.Select(guide.ActionLabel))}");
        }

        var approvalNeeded = (leftOut.Length > 0 && result.NeedsSeniorApprovalToOverride)
            || taken.Contains(DecisionActions.SeniorApprovalToOverride);
        CheckApprover(decision.ApproverId, approver, assessor, approvalNeeded, result.Rule, missing);
        if (!taken.Contains(DecisionActions.ReferCsc) && decision.ReviewDate is null)
            missing.Add("decision.reviewDate", "No referral to Children's Social Care is being made, so set a date to review the decision");
        if (taken.Contains(DecisionActions.ConsultDsl))
        {
            if (string.IsNullOrWhiteSpace(decision.Consulted))
                missing.Add("decision.consulted", "Say who you consulted: the designated safeguarding lead's name or role");
            if (decision.ConsultedAt is null)
                missing.Add("decision.consultedAt", "Say when you consulted the designated safeguarding lead");
        }

        return new DecisionCheck(invalid.ToDictionary(), missing.ToDictionary(), taken, leftOut);
    }

    private static string[] ActionsTaken(DecisionGuide guide, IReadOnlyList<string?>? given, FieldErrors invalid)
    {
        const string field = "decision.actionsTaken";
        if (given is null)
        {
            invalid.Add(field, "List the actions you have taken (an empty list if none)");
            return [];
        }

        var taken = new List<string>();
        foreach (var action in given)
        {
            if (action is not null && guide.Actions.Any(a => a.Key == action))
                taken.Add(action);
            else
                invalid.Add(field, $"'{action}' is not an action; the actions are {string.Join(", ", guide.Actions.Select(a => a.Key))}");
        }

        return [.. taken.Distinct(StringComparer.Ordinal)];
    }

    private static void CheckValues(DecisionGuide guide, RecordedDecision decision, DateTimeOffset now, DateOnly today, FieldErrors invalid)
    {
        if (decision.Rationale is { Length: > RationaleMax })
            invalid.Add("decision.rationale", $"This must be {RationaleMax} characters or fewer");
        if (decision.Consulted is { Length: > ConsultedMax })
            invalid.Add("decision.consulted", $"This must be {ConsultedMax} characters or fewer");
        if (decision.ConsultedAt > now + ClockSkew)
            invalid.Add("decision.consultedAt", "The consultation cannot be in the future");
        if (decision.ApproverId == Guid.Empty)
            invalid.Add("decision.approverId", "This is not a person's id");
        var latest = today.AddMonths(guide.ReviewWithinMonths);
        if (decision.ReviewDate is { } review && review <= today)
            invalid.Add("decision.reviewDate", "The review date must be after today");
        else if (decision.ReviewDate > latest)
            invalid.Add("decision.reviewDate", $"The review date must be within {guide.ReviewWithinMonths} months: {InWords(latest)} at the latest");
    }

    private static void CheckApprover(Guid? approverId, DirectoryPerson? approver, DirectoryPerson assessor, bool needed, string rule, FieldErrors missing)
    {
        const string field = "decision.approverId";
        if (approverId is null)
        {
            if (needed)
                missing.Add(field, $"Rule '{rule}' needs a named senior manager to approve leaving out a required action: give their person id");
            return;
        }

        if (approver is null || approver.Id != approverId)
            missing.Add(field, "No one with this id is in the directory");
        else if (approver.IsDeactivated)
            missing.Add(field, $"{approver.Name} has left and cannot approve this: name another senior manager in your agency");
        else if (!approver.HasRole(Roles.Senior))
            missing.Add(field, $"{approver.Name} cannot approve this: the approver must hold the Senior role");
        else if (approver.Id == assessor.Id)
            missing.Add(field, "You cannot approve your own decision: name another senior manager");
        else if (approver.AgencyId != assessor.AgencyId)
            missing.Add(field, $"{approver.Name} cannot approve this: the approver must be a senior manager in your own agency");
    }

    /// <summary>A date as people write it, "7 December 2027", for messages people read.</summary>
    private static string InWords(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
