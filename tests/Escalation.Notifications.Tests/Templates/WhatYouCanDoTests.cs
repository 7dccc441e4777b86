using System.Net;
using System.Text.RegularExpressions;
using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Notifications.Templates;
using Escalation.Notifications.Tests.TestSupport;

namespace Escalation.Notifications.Tests.Templates;

/// <summary>
/// Every escalation mail, for every audience of the default policy at every stage, says what its reader may do next,
/// and names only the moves the transition table permits that reader (asked here, not copied).
/// </summary>
public sealed partial class WhatYouCanDoTests
{
    private const string Section = "What you need to do";

    /// <summary>The words that offer each move; none may appear for a move the reader may not make.</summary>
    private static readonly Dictionary<PermittedMoves, string[]> Words = new()
    {
        [PermittedMoves.Respond] = ["add a response"],
        [PermittedMoves.Escalate] = ["escalate it"],
        [PermittedMoves.Resolve] = ["resolve it", "record the outcome"],
        [PermittedMoves.BoardDecision] = ["board's decision"],
        [PermittedMoves.Withdraw] = ["withdraw it"],
    };

    private static readonly PolicyDefinition Policy = TestPolicies.Catalog.Current(PolicyCatalog.DefaultPolicyId)!;
    private static readonly TransitionTable Table = TestPolicies.Catalog.Table(Policy.Id, Policy.Version);

    public static TheoryData<string> EscalationTemplates() =>
        [.. EmailTemplateKeys.All.Where(EmailTemplateKeys.IsAboutEscalation)];

    [Theory]
    [MemberData(nameof(EscalationTemplates))]
    public void EveryAudienceAtEveryStage_NamesOnlyMovesTheReaderMayMake(string templateKey)
    {
        var people = new Directory();
        var closed = templateKey == EmailTemplateKeys.Resolved || templateKey == EmailTemplateKeys.Withdrawn;
        var checkedMails = 0;
        foreach (var stage in Policy.Stages.Select(s => s.Number))
        {
            var state = new EscalationState(Guid.NewGuid(), Policy.Id, Policy.Version, Track.Standard,
                closed ? EscalationStatus.Resolved : EscalationStatus.Open, stage, stage,
                new DateTimeOffset(2026, 12, 18, 10, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 12, 29, 23, 59, 59, TimeSpan.Zero), 3);
            foreach (var audience in Enum.GetValues<Audience>())
            {
                var intent = new MailIntent(NotificationEvent.Raised, stage, [audience]);
                foreach (var recipient in new Recipients(Policy, people).For(intent, people.Raiser.Id, people.Respondent.Id, stage))
                {
                    var reader = people.Find(recipient.PersonId!.Value)!;
                    var moves = Table.PermittedMoves(state, new Actor(reader.Id, Relations.Of(reader, people.Raiser, people.Respondent)));
                    var facts = SampleFacts.Escalation(stage, reader.Id == people.Raiser.Id, reader.Id == people.Respondent.Id,
                        outcome: closed ? OutcomeKind.DecisionUpheld : null) with { ReaderMoves = moves };
                    var mail = Rendering.Render(SampleFacts.Mail(templateKey, audience, facts, reader.Name));

                    var where = $"{templateKey} at stage {stage} to {reader.Name} ({AudienceNames.Of(audience)}), who may: {moves}";
                    AssertOffersExactly(moves, After(mail.Text, Section), where + ", text part");
                    AssertOffersExactly(moves, After(PlainText(mail.Html), Section), where + ", HTML part");
                    checkedMails++;
                }
            }
        }

        Assert.True(checkedMails > 20, $"Only {checkedMails} mails were checked.");
    }

    [Fact]
    public void StageEntered_RespondentsManagerAtStage2_IsOfferedOnlyAResponse()
    {
        var people = new Directory();
        var state = new EscalationState(Guid.NewGuid(), Policy.Id, Policy.Version, Track.Standard, EscalationStatus.Open, 2, 2,
            default, new DateTimeOffset(2026, 12, 29, 23, 59, 59, TimeSpan.Zero), 2);
        var moves = Table.PermittedMoves(state, new Actor(people.CscManager.Id, Relations.Of(people.CscManager, people.Raiser, people.Respondent)));

        var mail = Rendering.Render(SampleFacts.Mail(EmailTemplateKeys.StageEntered, Audience.StageActors,
            SampleFacts.Escalation(2) with { ReaderMoves = moves }, people.CscManager.Name));

        Assert.Equal(PermittedMoves.Respond, moves);
        Assert.Contains("- add a response", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Record the outcome", mail.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("escalate it", mail.Text, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertOffersExactly(PermittedMoves moves, string section, string where)
    {
        var lower = section.ToLowerInvariant();
        foreach (var (move, words) in Words)
        {
            var offered = words.Any(w => lower.Contains(w, StringComparison.Ordinal));
            Assert.True(offered == moves.HasFlag(move), $"{where}: {move} is {(offered ? "offered" : "not offered")}.\n{section}");
        }

        Assert.Contains("What you can do next", section, StringComparison.Ordinal);
    }

    private static string After(string text, string heading)
    {
        var at = text.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(at >= 0, $"No '{heading}' in:\n{text}");
        return text[at..];
    }

    private static string PlainText(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    /// <summary>Two agencies, each with a practitioner, a line manager and a senior, and the board.</summary>
    private sealed class Directory : IDirectoryView
    {
        private static readonly Guid School = Guid.Parse("00000000-0000-0000-0000-00000000005c");
        private static readonly Guid Csc = Guid.Parse("00000000-0000-0000-0000-000000000c5c");
        private static readonly Guid Board = Guid.Parse("00000000-0000-0000-0000-0000000000b0");
        private readonly List<DirectoryPerson> _people = [];

        public Directory()
        {
            var schoolSenior = Add("School Senior", School, null, Roles.Senior);
            var schoolManager = Add("School Manager", School, schoolSenior.Id, Roles.Manager);
            Raiser = Add("School Practitioner", School, schoolManager.Id, Roles.Practitioner);
            var cscSenior = Add("CSC Senior", Csc, null, Roles.Senior);
            CscManager = Add("CSC Manager", Csc, cscSenior.Id, Roles.Manager);
            Respondent = Add("CSC Social Worker", Csc, CscManager.Id, Roles.Practitioner);
            Add("Board Officer", Board, null, Roles.BoardBusinessUnit);
            Add("Board Chair", Board, null, Roles.BoardChair);
        }

        public DirectoryPerson Raiser { get; }

        public DirectoryPerson Respondent { get; }

        public DirectoryPerson CscManager { get; }

        public DirectoryPerson? Find(Guid id) => _people.Find(p => p.Id == id);

        public IEnumerable<DirectoryPerson> InRole(string role, Guid? agencyId = null) =>
            _people.Where(p => p.HasRole(role) && (agencyId is null || p.AgencyId == agencyId));

        private DirectoryPerson Add(string name, Guid agency, Guid? managerId, string role)
        {
            var person = new DirectoryPerson(Guid.NewGuid(), name, name.Replace(' ', '.') + "@example.org", agency, managerId, new HashSet<string> { role });
            _people.Add(person);
            return person;
        }
    }
}
