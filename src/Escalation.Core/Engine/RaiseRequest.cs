using Escalation.Core.Policies;

namespace Escalation.Core.Engine;

/// <summary>What a practitioner gives to raise an escalation: the contract's <c>POST /api/escalations</c> body.</summary>
public sealed record RaiseRequest(
    string? ChildReference,
    int? ChildAgeYears,
    Guid? RespondentId,
    string? Category,
    int? LevelOfNeed,
    string? DecisionChallenged,
    DateOnly? DecisionDate,
    string? Concern,
    string? DesiredOutcome,
    string? Track,
    int? StartAtStage,
    string? StartAtStageReason,
    string? UrgentReason,
    bool ChildAtImmediateRisk,
    bool ImmediateReferralMade,
    Guid? AssessmentId = null)
{
    /// <summary>
    /// Safeguarding first: a child at immediate risk must be referred now, not escalated instead.
    /// True means the request must be refused with the contact-now guidance and nothing stored.
    /// </summary>
    public bool ImmediateRiskNotReferred => ChildAtImmediateRisk && !ImmediateReferralMade;

    public Track ParsedTrack => Track == "urgent" ? Policies.Track.Urgent : Policies.Track.Standard;
}

/// <summary>Checks a <see cref="RaiseRequest"/> against the policy; every fault is named by its JSON field.</summary>
public static class RaiseRequestValidator
{
    public const int ShortTextMax = 100;
    public const int LongTextMax = 10_000;

    /// <summary>An older decision is almost certainly a typing error, not a live disagreement.</summary>
    public const int DecisionDateYearsBack = 10;

    public static IReadOnlyDictionary<string, string[]> Validate(RaiseRequest request, PolicyDefinition policy, DateOnly today, Guid raiserId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new Dictionary<string, List<string>>();
        void Fault(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        Text(request.ChildReference, "childReference", "Enter the child's reference", ShortTextMax, Fault);
        if (request.ChildAgeYears is < 0 or > 17)
            Fault("childAgeYears", "The child's age must be between 0 and 17");
        if (request.RespondentId is null || request.RespondentId == Guid.Empty)
            Fault("respondentId", "Choose the professional whose decision you are challenging");
        else if (request.RespondentId == raiserId)
            Fault("respondentId", "You cannot escalate your own decision");
        if (string.IsNullOrWhiteSpace(request.Category))
            Fault("category", "Choose the category of disagreement");
        else if (!policy.HasCategory(request.Category))
            Fault("category", $"'{request.Category}' is not a category in the {policy.Title} policy");
        if (request.LevelOfNeed is null)
            Fault("levelOfNeed", "Choose the level of need");
        else if (!policy.HasLevelOfNeed(request.LevelOfNeed.Value))
            Fault("levelOfNeed", $"The level of need must be between {policy.LevelsOfNeed.Min(l => l.Level)} and {policy.LevelsOfNeed.Max(l => l.Level)}");
        Text(request.DecisionChallenged, "decisionChallenged", "Describe the decision you are challenging", LongTextMax, Fault);
        if (request.DecisionDate is null)
            Fault("decisionDate", "Enter the date of the decision");
        else if (request.DecisionDate > today)
            Fault("decisionDate", "The date of the decision must be today or in the past");
        else if (request.DecisionDate < today.AddYears(-DecisionDateYearsBack))
            Fault("decisionDate", $"The date of the decision must be within the last {DecisionDateYearsBack} years");
        Text(request.Concern, "concern", "Describe your concern", LongTextMax, Fault);
        Text(request.DesiredOutcome, "desiredOutcome", "Say what outcome you want", LongTextMax, Fault);
        ValidateTrackAndStage(request, policy, Fault);

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void ValidateTrackAndStage(RaiseRequest request, PolicyDefinition policy, Action<string, string> fault)
    {
        if (request.Track is not null && request.Track is not ("standard" or "urgent"))
            fault("track", "The track must be 'standard' or 'urgent'");
        else if (!policy.Tracks.ContainsKey(request.ParsedTrack))
            fault("track", $"The {policy.Title} policy has no {request.Track} track");
        if (request.UrgentReason is { Length: > LongTextMax })
            fault("urgentReason", $"The reason must be {LongTextMax} characters or fewer");
        var stage = request.StartAtStage ?? policy.FirstStage;
        if (policy.Stages.All(s => s.Number != stage))
        {
            fault("startAtStage", $"The stage must be between {policy.FirstStage} and {policy.LastStage}");
        }
        else if (stage != policy.FirstStage && string.IsNullOrWhiteSpace(request.StartAtStageReason))
        {
            fault("startAtStageReason", "Say why the escalation starts at a higher stage");
        }

        if (request.StartAtStageReason is { Length: > LongTextMax })
            fault("startAtStageReason", $"The reason must be {LongTextMax} characters or fewer");
    }

    private static void Text(string? value, string field, string missing, int max, Action<string, string> fault)
    {
        if (string.IsNullOrWhiteSpace(value))
            fault(field, missing);
        else if (value.Length > max)
            fault(field, $"This must be {max} characters or fewer");
    }
}
