using CsCheck;
using Escalation.Core.Decisions;

namespace Escalation.Core.Tests.Decisions;

/// <summary>
/// The three safety properties of the shipped guide (<c>workflows/sexual-activity.json</c>), over generated answers:
/// every age from 10 to 17, no partner age, a peer or an adult, and random sets of factors, warning signs and partner
/// flags. More concern never yields fewer actions; an adult partner of a child under 16 always means the police; a child
/// under 13 always means a referral and the police.
/// </summary>
public class GuideSafetyPropertyTests
{
    private const int Iterations = 2_000;

    private static readonly DecisionGuide Guide = GuideTestData.Guide;

    private static readonly Gen<GeneratedCase> Cases =
        from age in Gen.Int[10, 17]
        from partnerKind in Gen.Int[0, 2]
        from peerGap in Gen.Int[-2, 2]
        from adultAge in Gen.Int[18, 70]
        from factors in Subset(Guide.Factors.Select(f => f.Key).ToArray())
        from signs in Subset(Guide.WarningSigns.Select(s => s.Key).ToArray())
        from flags in Subset(Guide.PartnerFlags.Select(f => f.Key).ToArray())
        select new GeneratedCase(age, partnerKind switch
        {
            0 => null,
            1 => Math.Max(age + peerGap, 10),
            _ => adultAge,
        }, factors, signs, flags);

    [Fact]
    public void MoreConcern_OneMoreFactorSignOrFlag_NeverRemovesAnAction()
    {
        Cases.Sample(c =>
        {
            var before = Actions(c);
            var more = Guide.Factors.Where(f => !c.Factors.Contains(f.Key)).Select(f => c with { Factors = [.. c.Factors, f.Key] })
                .Concat(Guide.WarningSigns.Where(s => !c.Signs.Contains(s.Key)).Select(s => c with { Signs = [.. c.Signs, s.Key] }))
                .Concat(Guide.PartnerFlags.Where(f => !c.Flags.Contains(f.Key)).Select(f => c with { Flags = [.. c.Flags, f.Key] }));
            foreach (var worse in more)
            {
                var lost = before.Except(Actions(worse)).ToArray();
                if (lost.Length > 0)
                    throw new InvalidOperationException($"{worse.Added(c)} removed {string.Join(", ", lost)}");
            }
        }, iter: Iterations, print: c => c.ToString());
    }

    [Fact]
    public void LowerAge_SameAnswers_NeverRemovesAnAction()
    {
        Cases.Sample(c =>
        {
            var before = Actions(c);
            for (var younger = c.Age - 1; younger >= 10; younger--)
            {
                var lost = before.Except(Actions(c with { Age = younger })).ToArray();
                if (lost.Length > 0)
                    throw new InvalidOperationException($"at age {younger} instead of {c.Age}: removed {string.Join(", ", lost)}");
            }
        }, iter: Iterations, print: c => c.ToString());
    }

    [Fact]
    public void Under16_AdultPartner_AlwaysTellsPolice()
    {
        Cases.Where(c => c.Age < 16).Select(c => c with { Partner = Math.Max(c.Partner ?? 18, 18) })
            .Sample(c => Actions(c).Contains(DecisionActions.NotifyPolice), iter: Iterations, print: c => c.ToString());
    }

    [Fact]
    public void Under13_AlwaysRefersAndTellsPolice()
    {
        Cases.Where(c => c.Age < 13)
            .Sample(c => Actions(c) is var actions && actions.Contains(DecisionActions.ReferCsc) && actions.Contains(DecisionActions.NotifyPolice),
                iter: Iterations, print: c => c.ToString());
    }

    private static HashSet<string> Actions(GeneratedCase c) => [.. Answers.Result(c.ToAnswers()).RequiredActions];

    /// <summary>Any subset of the keys, from none to most of them (each key ticked with a chance of 0, 10, 20 or 30 %).</summary>
    private static Gen<string[]> Subset(string[] keys) =>
        from density in Gen.Int[0, 3]
        from draws in Gen.Int[0, 9].Array[keys.Length]
        select keys.Where((_, i) => draws[i] < density).ToArray();

    private sealed record GeneratedCase(int Age, int? Partner, string[] Factors, string[] Signs, string[] Flags)
    {
        public DecisionAnswers ToAnswers() => new(Age, Partner, Factors, Signs,
            Flags.Contains(PartnerFlags.PositionOfTrust), Flags.Contains(PartnerFlags.FamilyMember),
            Flags.Contains(PartnerFlags.KnownToAgencies), ContraceptionRequested: false, Fraser: null);

        public string Added(GeneratedCase before) =>
            $"adding {string.Join(", ", Factors.Except(before.Factors).Concat(Signs.Except(before.Signs)).Concat(Flags.Except(before.Flags)))} to {before}";

        public override string ToString() =>
            $"age {Age}, partner {Partner?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}, "
            + $"factors [{string.Join(", ", Factors)}], warning signs [{string.Join(", ", Signs)}], partner flags [{string.Join(", ", Flags)}]";
    }
}
