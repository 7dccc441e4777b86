namespace Escalation.Core.Decisions;

/// <summary>
/// Applies a decision guide to a practitioner's answers. Pure: no clock, no storage. Every rule whose conditions hold
/// applies, and the required actions are the union of theirs: no rule ever hides another, so ticking more concern can
/// only add actions (<see cref="GuideSafety"/> checks the rest at load).
/// </summary>
public static class DecisionEvaluator
{
    /// <summary>An age no child can have; anything above it is refused as impossible rather than out of scope.</summary>
    public const int ImpossibleAge = 120;

    /// <summary>Checks the answers and, if they are valid, applies every rule that holds.</summary>
    public static DecisionEvaluation Evaluate(DecisionGuide guide, DecisionAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new FieldErrors();
        var band = CheckAge(guide, answers.ChildAgeYears, errors);
        if (answers.PartnerAgeYears is < 0 or > ImpossibleAge)
            errors.Add("partnerAgeYears", $"The partner's age must be between 0 and {ImpossibleAge}, or left out if it is not known");
        var factors = Keys(answers.Factors, "factors", guide.Factors, guide.WarningSigns, "a risk factor", "warningSigns", guide, errors);
        var signs = Keys(answers.WarningSigns, "warningSigns", guide.WarningSigns, guide.Factors, "a warning sign", "factors", guide, errors);
        var contraception = answers.ContraceptionRequested == true;
        var fraser = Fraser(guide, answers, contraception && answers.ChildAgeYears < guide.Fraser.AppliesUnderAge, errors);
        if (errors.Count > 0 || band is null)
            return new DecisionEvaluation(null, null, errors.ToDictionary());

        var checkedAnswers = new CheckedAnswers(answers.ChildAgeYears!.Value, answers.PartnerAgeYears, factors, signs,
            answers.PartnerInPositionOfTrust == true, answers.PartnerFamilyMember == true, answers.PartnerKnownToAgencies == true,
            contraception, fraser);
        return new DecisionEvaluation(checkedAnswers, Apply(guide, band, checkedAnswers), errors.ToDictionary());
    }

    /// <summary>Applies every rule that holds for already-checked answers.</summary>
    public static DecisionResult Apply(DecisionGuide guide, AgeBand band, CheckedAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(band);
        ArgumentNullException.ThrowIfNull(answers);
        var matched = guide.Rules.Where(r => Holds(r.When, band, answers)).ToArray();
        if (matched.Length == 0)
            throw new InvalidOperationException($"No rule of decision guide '{guide.Id}' applies to age band '{band.Key}'.");

        var actions = guide.Actions
            .Select(a => matched.SelectMany(r => r.Actions).FirstOrDefault(required => required.Action == a.Key))
            .OfType<RequiredAction>()
            .ToArray();
        bool? fraserMet = answers.ContraceptionRequested && answers.ChildAgeYears < guide.Fraser.AppliesUnderAge
            ? guide.Fraser.Criteria.All(c => answers.Fraser.GetValueOrDefault(c.Key))
            : null;
        IEnumerable<string> paragraphs = matched.Select(r => r.Explanation);
        if (fraserMet is { } met)
            paragraphs = paragraphs.Append(met ? guide.Fraser.MetNote : guide.Fraser.NotMetNote);
        return new DecisionResult(band.Key, matched, [.. actions.Select(a => a.Action)],
            string.Join(DecisionResult.ParagraphBreak, paragraphs), fraserMet, actions);
    }

    private static bool Holds(RuleCondition when, AgeBand band, CheckedAnswers answers) =>
        (when.AgeBands is null || when.AgeBands.Contains(band.Key))
        && (when.PartnerAgeAtLeast is not { } least || answers.PartnerAgeYears >= least)
        && (when.PartnerOlderByAtLeast is not { } gap || answers.PartnerAgeYears - answers.ChildAgeYears >= gap)
        && (when.PartnerFlagsAny is null || when.PartnerFlagsAny.Any(answers.Flag))
        && (when.FactorsAny is null || when.FactorsAny.Any(answers.Factors.Contains))
        && (when.WarningSignsAny is null || when.WarningSignsAny.Any(answers.WarningSigns.Contains))
        && (!when.AnyConcern || answers.AnyConcern);

    private static AgeBand? CheckAge(DecisionGuide guide, int? age, FieldErrors errors)
    {
        const string field = "childAgeYears";
        switch (age)
        {
            case null:
                errors.Add(field, "Enter the child's age in years");
                return null;
            case < 0 or > ImpossibleAge:
                errors.Add(field, $"The child's age must be a whole number of years from 0 to {guide.MaxAge}");
                return null;
            case var old when old > guide.MaxAge:
                errors.Add(field, guide.OutOfScope);
                return null;
            default:
                return guide.BandFor(age.Value);
        }
    }

    private static string[] Keys(IReadOnlyList<string?>? given, string field, IReadOnlyList<GuideItem> defined,
        IReadOnlyList<GuideItem> other, string what, string otherField, DecisionGuide guide, FieldErrors errors)
    {
        var keys = new List<string>();
        foreach (var key in given ?? [])
        {
            if (string.IsNullOrWhiteSpace(key))
                errors.Add(field, "Each entry must be a key from the guide; remove the empty one");
            else if (defined.Any(d => d.Key == key))
                keys.Add(key);
            else if (other.Any(o => o.Key == key))
                errors.Add(field, $"'{key}' is not {what}: send it in {otherField}");
            else
                errors.Add(field, $"'{key}' is not {what} in the guide \"{guide.Title}\" (see GET /api/decisions/{guide.Id}/definition)");
        }

        return [.. keys.Distinct(StringComparer.Ordinal)];
    }

    private static Dictionary<string, bool> Fraser(DecisionGuide guide, DecisionAnswers answers, bool required, FieldErrors errors)
    {
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        var given = answers.Fraser ?? new Dictionary<string, bool?>();
        foreach (var (key, value) in given)
        {
            var criterion = guide.Fraser.Criteria.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
            if (criterion is null)
                errors.Add("fraser", $"'{key}' is not a Fraser criterion; they are {string.Join(", ", guide.Fraser.Criteria.Select(c => c.Key))}");
            else if (value is { } answer)
                result[criterion.Key] = answer;
        }

        if (required)
        {
            foreach (var missing in guide.Fraser.Criteria.Where(c => !result.ContainsKey(c.Key)))
                errors.Add($"fraser.{missing.Key}", $"Answer yes or no: {missing.Label}");
        }

        return result;
    }
}
