namespace Escalation.Core.Decisions;

/// <summary>
/// The three things every decision guide must keep, whatever a board writes in it (contract, "Version 2", decision
/// prompts): a younger child never has fewer required actions for the same answers; a child under 16 with a partner
/// aged 18 or over always has <c>notify-police</c>; a child under 13 always has <c>refer-csc</c> and <c>notify-police</c>.
/// The fourth, "ticking more never removes an action", holds by construction: every rule that holds applies, and no
/// condition can ask for the absence of a concern.
/// </summary>
/// <remarks>
/// Every condition holds for more answers as concerns are added and as the partner's age rises, so each property needs
/// checking only at its least case: no concern and the youngest qualifying partner, or, for "younger", each rule's
/// smallest sets of answers that make it hold. That makes the check complete, and a few hundred evaluations long.
/// </remarks>
public static class GuideSafety
{
    /// <summary>Under this age a child cannot consent in law: always refer and tell the police.</summary>
    public const int CannotConsentUnder = 13;

    /// <summary>The age of consent: an adult partner of a younger child is committing an offence.</summary>
    public const int AgeOfConsent = 16;

    /// <summary>The age from which a partner is an adult.</summary>
    public const int AdultAge = 18;

    /// <summary>The first way a guide breaks one of the properties, in plain English, or null when it keeps them all.</summary>
    public static string? FirstBreach(DecisionGuide guide)
    {
        ArgumentNullException.ThrowIfNull(guide);
        for (var age = 0; age <= guide.MaxAge; age++)
        {
            if (age < CannotConsentUnder && Missing(guide, Answer(age), DecisionActions.ReferCsc, DecisionActions.NotifyPolice) is { } lost)
                return $"a child under {CannotConsentUnder} must always have refer-csc and notify-police, but at age {age} {lost} is not required";
            if (age < AgeOfConsent && Missing(guide, Answer(age, AdultAge), DecisionActions.NotifyPolice) is not null)
                return $"a child under {AgeOfConsent} with a partner aged {AdultAge} or over must always have notify-police, but at age {age} with a partner of {AdultAge} it is not required";
            if (age > 0 && YoungerLoses(guide, age) is { } breach)
                return breach;
        }

        return null;
    }

    private static string? YoungerLoses(DecisionGuide guide, int age)
    {
        var band = guide.BandFor(age)!.Key;
        foreach (var rule in guide.Rules.Where(r => r.When.AgeBands is null || r.When.AgeBands.Contains(band)))
        {
            foreach (var answers in LeastAnswers(rule.When, age, guide))
            {
                var younger = answers with { ChildAgeYears = age - 1 };
                if (Missing(guide, younger, [.. rule.Actions.Select(a => a.Action)]) is { } lost)
                {
                    return $"more concern must never mean fewer actions, but at age {age - 1} {lost} is not required, "
                        + $"though rule '{rule.Id}' requires it at age {age} for the same answers ({Describe(answers)})";
                }
            }
        }

        return null;
    }

    /// <summary>The smallest answers that make a rule's condition hold at an age: one key from each list it names.</summary>
    private static IEnumerable<CheckedAnswers> LeastAnswers(RuleCondition when, int age, DecisionGuide guide)
    {
        int? partner = (when.PartnerAgeAtLeast, when.PartnerOlderByAtLeast) switch
        {
            (null, null) => null,
            (var atLeast, var gap) => Math.Max(atLeast ?? 0, gap is { } g ? age + g : 0),
        };
        var concernLists = new List<IReadOnlyList<Func<CheckedAnswers, CheckedAnswers>>>();
        if (when.FactorsAny is { } factors)
            concernLists.Add([.. factors.Select(Factor)]);
        if (when.WarningSignsAny is { } signs)
            concernLists.Add([.. signs.Select(Sign)]);
        if (when.PartnerFlagsAny is { } flags)
            concernLists.Add([.. flags.Select(Flag)]);
        if (when.AnyConcern && concernLists.Count == 0)
        {
            concernLists.Add([.. guide.Factors.Select(f => Factor(f.Key)), .. guide.WarningSigns.Select(s => Sign(s.Key)),
                .. PartnerFlags.All.Select(Flag)]);
        }

        IEnumerable<CheckedAnswers> least = [Answer(age, partner)];
        foreach (var choices in concernLists)
            least = least.SelectMany(a => choices.Select(add => add(a)));
        return least;
    }

    private static string? Missing(DecisionGuide guide, CheckedAnswers answers, params string[] actions)
    {
        var required = DecisionEvaluator.Apply(guide, guide.BandFor(answers.ChildAgeYears)!, answers).RequiredActions;
        var missing = actions.Where(a => !required.Contains(a)).ToArray();
        return missing.Length == 0 ? null : string.Join(" and ", missing.Select(m => $"'{m}'"));
    }

    private static CheckedAnswers Answer(int age, int? partner = null) =>
        new(age, partner, [], [], false, false, false, false, new Dictionary<string, bool>());

    private static Func<CheckedAnswers, CheckedAnswers> Factor(string key) => a => a with { Factors = [.. a.Factors, key] };

    private static Func<CheckedAnswers, CheckedAnswers> Sign(string key) => a => a with { WarningSigns = [.. a.WarningSigns, key] };

    private static Func<CheckedAnswers, CheckedAnswers> Flag(string key) => key switch
    {
        PartnerFlags.PositionOfTrust => a => a with { PartnerInPositionOfTrust = true },
        PartnerFlags.FamilyMember => a => a with { PartnerFamilyMember = true },
        _ => a => a with { PartnerKnownToAgencies = true },
    };

    private static string Describe(CheckedAnswers a)
    {
        var parts = new List<string> { a.PartnerAgeYears is { } p ? $"partner aged {p}" : "partner's age not known" };
        parts.AddRange(a.Factors.Select(f => $"risk factor '{f}'"));
        parts.AddRange(a.WarningSigns.Select(s => $"warning sign '{s}'"));
        parts.AddRange(PartnerFlags.All.Where(a.Flag).Select(f => $"'{f}'"));
        return string.Join(", ", parts);
    }
}
