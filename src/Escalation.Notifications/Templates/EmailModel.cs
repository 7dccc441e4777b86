using System.Globalization;
using System.Net;
using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Scriban.Runtime;

namespace Escalation.Notifications.Templates;

/// <summary>
/// Builds the values a template sees. For the HTML part every string is HTML-encoded here, before rendering, so a
/// template author cannot forget to escape user text; the text part gets the same values raw. Values are data, never
/// template source, so text such as <c>{{ 1 + 1 }}</c> in a child reference comes out as written.
/// </summary>
internal sealed class EmailModel(DateWords words, Uri baseUrl)
{
    public const string ServiceName = "Resolving professional differences";

    public ScriptObject Build(MailFacts facts, bool html)
    {
        Func<string?, string?> encode = html ? WebUtility.HtmlEncode : static s => s;
        var escalation = facts.Escalation;
        var isParty = escalation is { ReaderIsRaiser: true } or { ReaderIsRespondent: true };
        var audience = AudienceNames.Normalise(facts.Audience);
        var model = new ScriptObject
        {
            ["service_name"] = encode(escalation?.PolicyTitle ?? ServiceName),
            ["reader"] = new ScriptObject
            {
                ["name"] = encode(facts.RecipientName),
                ["email"] = encode(facts.RecipientEmail),
                ["audience"] = encode(audience),
                ["is_raiser"] = escalation?.ReaderIsRaiser ?? false,
                ["is_respondent"] = escalation?.ReaderIsRespondent ?? false,
                ["is_party"] = isParty,
                // At a stage the parties work on, a party is one of those who act, whatever audience brought them the mail.
                ["acts_at_stage"] = audience == "stage-actors" || (isParty && escalation!.Stage.WhoActs == WhoActs.Parties),
                ["acts_next"] = audience == "next-stage-actors",
                ["is_board"] = audience is "board-business-unit" or "board-chair",
                ["may"] = May(escalation?.ReaderMoves ?? PermittedMoves.None),
                ["other_party"] = escalation switch
                {
                    { ReaderIsRaiser: true } => encode(escalation.Respondent.Name),
                    { ReaderIsRespondent: true } => encode(escalation.Raiser.Name),
                    _ => null,
                },
            },
            ["escalation"] = escalation is null ? null : Escalation(escalation, encode),
            ["stage"] = escalation is null ? null : Stage(escalation.Stage, encode),
            ["next_stage"] = escalation?.NextStage is { } next ? Stage(next, encode) : null,
            ["link"] = Link(facts, encode),
            ["invitation"] = facts.TemplateKey == EmailTemplateKeys.Invitation ? Invitation(facts, encode) : null,
            ["reset"] = facts.TemplateKey == EmailTemplateKeys.PasswordReset ? Invitation(facts, encode) : null,
            ["review"] = facts.TemplateKey == EmailTemplateKeys.DecisionReviewDue ? Review(facts, encode) : null,
            ["approval"] = facts.TemplateKey is EmailTemplateKeys.DecisionApprovalRequested or EmailTemplateKeys.DecisionApprovalDecided
                ? Approval(facts, encode) : null,
            ["departure"] = facts.TemplateKey == EmailTemplateKeys.PersonLeft ? Departure(facts, encode) : null,
        };
        return model;
    }

    private readonly string _base = baseUrl.AbsoluteUri.TrimEnd('/');

    /// <summary>The one link a mail carries: <c>{BaseUrl}/escalations/{id}</c>, or the invitation or assessment page.</summary>
    public string LinkFor(MailFacts facts) => _base + facts.TemplateKey switch
    {
        EmailTemplateKeys.Invitation => "/account/invitation?token=" + Uri.EscapeDataString(facts.Payload.GetValueOrDefault("token") ?? string.Empty),
        EmailTemplateKeys.PasswordReset => "/account/reset-password?token=" + Uri.EscapeDataString(facts.Payload.GetValueOrDefault("token") ?? string.Empty),
        EmailTemplateKeys.PersonLeft => "/board",
        _ when EmailTemplateKeys.IsAboutAssessment(facts.TemplateKey) =>
            "/decisions/sexual-activity/assessments/" + Uri.EscapeDataString(AssessmentId(facts)),
        _ => "/escalations/" + (facts.Escalation?.Id ?? Guid.Empty).ToString("D", CultureInfo.InvariantCulture),
    };

    /// <summary>What the reader may do next, from the transition table: one flag a move, and <c>any</c>.</summary>
    private static ScriptObject May(PermittedMoves moves) => new()
    {
        ["any"] = moves != PermittedMoves.None,
        ["respond"] = moves.HasFlag(PermittedMoves.Respond),
        ["escalate"] = moves.HasFlag(PermittedMoves.Escalate),
        ["resolve"] = moves.HasFlag(PermittedMoves.Resolve),
        ["board_decision"] = moves.HasFlag(PermittedMoves.BoardDecision),
        ["withdraw"] = moves.HasFlag(PermittedMoves.Withdraw),
    };

    private ScriptObject Escalation(EscalationFacts e, Func<string?, string?> encode) => new()
    {
        ["id"] = e.Id.ToString("D", CultureInfo.InvariantCulture),
        ["reference"] = encode(e.Reference),
        ["child_reference"] = encode(e.ChildReference),
        ["is_urgent"] = e.Track == Track.Urgent,
        ["raiser"] = Party(e.Raiser, encode),
        ["respondent"] = Party(e.Respondent, encode),
        ["author"] = e.Author is { } author ? Party(author, encode) : null,
        ["outcome"] = encode(e.Outcome switch
        {
            OutcomeKind.DecisionChanged => "the decision was changed",
            OutcomeKind.DecisionUpheld => "the original decision stands",
            OutcomeKind.BoardDecision => "the safeguarding partnership board made a decision",
            _ => null,
        }),
        ["closed_on"] = e.ClosedAt is { } closed ? encode(words.Date(closed)) : null,
    };

    private static ScriptObject Party(PartyFacts party, Func<string?, string?> encode) => new()
    {
        ["name"] = encode(party.Name),
        ["agency"] = encode(party.Agency),
    };

    private ScriptObject Stage(StageFacts stage, Func<string?, string?> encode) => new()
    {
        ["number"] = stage.Number,
        ["title"] = encode(stage.Title),
        ["who_acts"] = encode(stage.WhoActs switch
        {
            WhoActs.Parties => "the practitioners involved",
            WhoActs.Managers => "the practitioners' managers",
            WhoActs.Seniors => "the senior managers or designated professionals of both agencies",
            _ => "the safeguarding partnership board",
        }),
        ["board_acts"] = stage.WhoActs == WhoActs.Board,
        ["escalates_on_deadline"] = stage.OnDeadline == DeadlineAction.Escalate,
        ["entered"] = stage.Entered,
        ["due_date"] = stage.DueAt is { } due ? encode(words.Date(due)) : null,
        ["due_by"] = stage.DueAt is { } dueBy ? encode(words.DueBy(dueBy)) : null,
    };

    private ScriptObject Link(MailFacts facts, Func<string?, string?> encode) => new()
    {
        ["url"] = encode(LinkFor(facts)),
        ["text"] = facts.TemplateKey switch
        {
            EmailTemplateKeys.Invitation => "Set your password",
            EmailTemplateKeys.PasswordReset => "Choose a new password",
            EmailTemplateKeys.DecisionReviewDue => "Review the assessment",
            EmailTemplateKeys.DecisionApprovalRequested => "Approve or decline the decision",
            EmailTemplateKeys.DecisionApprovalDecided => "Open the assessment",
            EmailTemplateKeys.PersonLeft => "Open the board's overview",
            _ => "Open the escalation",
        },
    };

    private ScriptObject Invitation(MailFacts facts, Func<string?, string?> encode) => new()
    {
        ["expires_by"] = Instant(facts.Payload.GetValueOrDefault("expiresAt")) is { } expires ? encode(words.DueBy(expires)) : null,
    };

    private static ScriptObject Review(MailFacts facts, Func<string?, string?> encode)
    {
        var reviewDate = DateOnly.TryParse(facts.Payload.GetValueOrDefault("reviewDate"), CultureInfo.InvariantCulture, out var day)
            ? DateWords.Date(day) : null;
        return new ScriptObject
        {
            ["child_reference"] = encode(facts.Payload.GetValueOrDefault("childReference")),
            ["due_date"] = encode(reviewDate),
            ["due_by"] = encode(reviewDate is null ? null : "by the end of " + reviewDate),
        };
    }

    private static ScriptObject Approval(MailFacts facts, Func<string?, string?> encode)
    {
        var status = facts.Payload.GetValueOrDefault("status");
        return new ScriptObject
        {
            ["child_reference"] = encode(facts.Payload.GetValueOrDefault("childReference")),
            ["approved"] = status == "approved",
            ["declined"] = status == "declined",
            ["approver_name"] = encode(facts.Payload.GetValueOrDefault("approverName") is { Length: > 0 } name ? name : "The senior manager"),
        };
    }

    private static ScriptObject Departure(MailFacts facts, Func<string?, string?> encode)
    {
        var handovers = new ScriptArray();
        foreach (var line in (facts.Payload.GetValueOrDefault("handovers") ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            handovers.Add(encode(line));
        return new ScriptObject
        {
            ["person_name"] = encode(facts.Payload.GetValueOrDefault("personName") is { Length: > 0 } name ? name : "Someone"),
            ["agency"] = encode(facts.Payload.GetValueOrDefault("agencyName")),
            ["handovers"] = handovers,
        };
    }

    private static string AssessmentId(MailFacts facts) =>
        facts.Payload.GetValueOrDefault("assessmentId") ?? facts.Payload.GetValueOrDefault("id") ?? string.Empty;

    private static DateTimeOffset? Instant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
}
