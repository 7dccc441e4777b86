using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Notifications.Templates;
using Escalation.Notifications.Tests.TestSupport;

namespace Escalation.Notifications.Tests.Templates;

public class EmailRenderingTests
{
    private const string EscalationLink = "http://localhost:5000/escalations/0193f7a2-5c1e-7b2d-9a41-2f6c8e0d4b17";
    private const string Due = "by the end of Tuesday 29 December 2026";

    public static TheoryData<string, Audience> EscalationMails() => new()
    {
        { "raised", Audience.Respondent },
        { "stage-entered", Audience.StageActors },
        { "reminder", Audience.StageActors },
        { "deadline-missed", Audience.Parties },
        { "resolved", Audience.EveryoneSoFar },
        { "withdrawn", Audience.BoardBusinessUnit },
    };

    [Theory]
    [MemberData(nameof(EscalationMails))]
    public void Render_EveryEscalationMail_HasSubjectHtmlAndTextWithTheLinkAndNoConcern(string key, Audience audience)
    {
        var mail = Rendering.Render(SampleFacts.Mail(key, audience, SampleFacts.Escalation(2, outcome: OutcomeKind.DecisionChanged)));

        Assert.Contains("ESC-7K3M9QPX", mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', mail.Subject);
        Assert.Contains("<h1", mail.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{EscalationLink}\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains($">{EscalationLink}<", mail.Html, StringComparison.Ordinal);
        Assert.Contains(EscalationLink, mail.Text, StringComparison.Ordinal);
        Assert.Contains("Dear Mo Manager,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("What you need to do", mail.Text, StringComparison.Ordinal);
        Assert.Contains("CH-1042", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StageEnteredForAManager_SaysTheyActAndTheDeadlineInWords()
    {
        var mail = Rendering.Render(SampleFacts.Mail("stage-entered", Audience.StageActors, SampleFacts.Escalation(2)));

        Assert.Equal("Escalation ESC-7K3M9QPX is now at stage 2: Manager", mail.Subject);
        Assert.Contains("You act at this stage.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("agree a way forward " + Due + ".", mail.Text, StringComparison.Ordinal);
        Assert.Contains("agree a way forward " + Due + ".", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StageEnteredForRaisingSideManager_OffersTheirMovesAsAList()
    {
        var mail = Rendering.Render(SampleFacts.Mail("stage-entered", Audience.StageActors,
            SampleFacts.Escalation(2) with { ReaderMoves = PermittedMoves.Respond | PermittedMoves.Escalate | PermittedMoves.Resolve }));

        Assert.Contains("What you can do next\nOn the escalation page you can:\n- add a response\n- escalate it to the next stage\n- resolve it, and record the outcome\n",
            mail.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<li>add a response</li>", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("withdraw", mail.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_RespondedWithItsAuthor_NamesThemAndTheirAgency()
    {
        var mail = Rendering.Render(SampleFacts.Mail("responded", Audience.Parties,
            SampleFacts.Escalation(1, readerIsRaiser: true) with { Author = new PartyFacts("Sol Worker", "Westshire Children's Social Care") }));

        Assert.Contains("Sol Worker of Westshire Children's Social Care has added a response", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Sol Worker of Westshire Children", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RespondedWithoutAnAuthor_SaysSomeoneInvolved()
    {
        var mail = Rendering.Render(SampleFacts.Mail("responded", Audience.Parties, SampleFacts.Escalation(1, readerIsRaiser: true)));

        Assert.Contains("Someone involved has added a response", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ResolvedMail_SaysNothingMoreCanBeDone()
    {
        var mail = Rendering.Render(SampleFacts.Mail("resolved", Audience.EveryoneSoFar, SampleFacts.Escalation(2, outcome: OutcomeKind.DecisionChanged)));

        Assert.Contains("The escalation is closed, so nothing more can be done on it.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StageEnteredForAParty_SaysTheyNeedDoNothingNow()
    {
        var mail = Rendering.Render(SampleFacts.Mail("stage-entered", Audience.Parties, SampleFacts.Escalation(2, readerIsRaiser: true)));

        Assert.Contains("You do not need to do anything now. You may be asked for information", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("You act at this stage.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RaisedForTheRespondent_AsksThemToRespondByTheDeadline()
    {
        var mail = Rendering.Render(SampleFacts.Mail("raised", Audience.Respondent, SampleFacts.Escalation(1, readerIsRespondent: true)));

        Assert.Contains("Tess Teacher of Riverside Primary School disagrees with a decision you made for child CH-1042", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Respond " + Due, mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RaisedForTheRaiser_IsAReceipt()
    {
        var mail = Rendering.Render(SampleFacts.Mail("raised", Audience.Raiser, SampleFacts.Escalation(1, readerIsRaiser: true)));

        Assert.Equal("You raised escalation ESC-7K3M9QPX", mail.Subject);
        Assert.Contains("This is your receipt.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Talk to Sol Worker about your concern", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RaisedForTheBoardBusinessUnit_AsksThemToRecordIt()
    {
        var mail = Rendering.Render(SampleFacts.Mail("raised", Audience.BoardBusinessUnit, SampleFacts.Escalation(1)));

        Assert.Contains("Record the escalation in the partnership's escalation log.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RaisedAtStage2ForAManager_SaysTheStartingStageAndThatTheyAct()
    {
        var mail = Rendering.Render(SampleFacts.Mail("raised", Audience.StageActors, SampleFacts.Escalation(2)));

        Assert.Equal("Escalation ESC-7K3M9QPX has been raised at stage 2: Manager", mail.Subject);
        Assert.Contains("It starts at stage 2 (Manager), where ", mail.Text, StringComparison.Ordinal);
        Assert.Contains("It starts with you: you act at this stage.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("It starts with you: you act at this stage.", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Record the escalation in the partnership's escalation log.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RaisedAtStage2ForTheRespondent_SaysWhoActsAndThatTheyNeedDoNothingNow()
    {
        var mail = Rendering.Render(SampleFacts.Mail("raised", Audience.Parties, SampleFacts.Escalation(2, readerIsRespondent: true)));

        Assert.Equal("Escalation ESC-7K3M9QPX has been raised at stage 2: Manager", mail.Subject);
        Assert.Contains("disagrees with a decision you made for child CH-1042", mail.Text, StringComparison.Ordinal);
        Assert.Contains("You do not need to do anything now, but be ready to give them information", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("It starts with you", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RaisedAtStage1_SubjectNamesNoStage()
    {
        var mail = Rendering.Render(SampleFacts.Mail("raised", Audience.Respondent, SampleFacts.Escalation(1, readerIsRespondent: true)));

        Assert.Equal("Escalation ESC-7K3M9QPX has been raised", mail.Subject);
        Assert.DoesNotContain(", where ", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UrgentTrack_SaysUrgentInTheSubject()
    {
        var mail = Rendering.Render(SampleFacts.Mail("raised", Audience.Respondent, SampleFacts.Escalation(1, track: Track.Urgent)));

        Assert.StartsWith("Urgent: ", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReminderToTheActors_GivesTheDeadlineAndWhatHappensAfter()
    {
        var mail = Rendering.Render(SampleFacts.Mail("reminder", Audience.StageActors, SampleFacts.Escalation(2)));

        Assert.Equal("Reminder: escalation ESC-7K3M9QPX is due " + Due, mail.Subject);
        Assert.Contains("it will move up to stage 3 (Senior) automatically", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DeadlineMissedAfterMovingUp_TellsTheNextStageTheirDeadline()
    {
        var mail = Rendering.Render(SampleFacts.Mail("deadline-missed", Audience.NextStageActors, SampleFacts.Escalation(2)));

        Assert.Contains("It has moved up automatically to stage 3 (Senior)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("You act at the new stage.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("by the end of Tuesday 5 January 2027", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DeadlineMissedAfterMovingUp_SaysBothInTheSubjectAndHeading()
    {
        var mail = Rendering.Render(SampleFacts.Mail("deadline-missed", Audience.Parties, SampleFacts.Escalation(2, readerIsRaiser: true)));

        Assert.Equal("Deadline missed: escalation ESC-7K3M9QPX is now at stage 3: Senior", mail.Subject);
        Assert.StartsWith("The stage 2 deadline has passed: escalation ESC-7K3M9QPX is now at stage 3", mail.Text.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("You do not need to do anything now.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DeadlineMissedAtTheLastStage_AsksTheBoardToDecide()
    {
        var mail = Rendering.Render(SampleFacts.Mail("deadline-missed", Audience.NextStageActors, SampleFacts.Escalation(4)));

        Assert.Contains("the last stage, and is now overdue", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Record a decision as soon as possible", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Resolved_GivesTheOutcomeKindButNoStatement()
    {
        var mail = Rendering.Render(SampleFacts.Mail("resolved", Audience.EveryoneSoFar,
            SampleFacts.Escalation(3, readerIsRaiser: true, outcome: OutcomeKind.DecisionChanged)));

        Assert.Contains("was resolved on Monday 28 December 2026 at stage 3 (Senior)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("The outcome: the decision was changed.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Read the outcome statement on the escalation page", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Invitation_LinksToTheInvitationPageWithTheToken()
    {
        var mail = Rendering.Render(SampleFacts.Invitation("abc-DEF_123", new DateTimeOffset(2027, 1, 5, 14, 30, 0, TimeSpan.Zero)));

        Assert.Contains("http://localhost:5000/account/invitation?token=abc-DEF_123", mail.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost:5000/account/invitation?token=abc-DEF_123\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("set your password by 2:30pm on Tuesday 5 January 2027", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Dear Nia Newcomer,", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DecisionReviewDue_LinksToTheAssessmentAndGivesTheReviewDate()
    {
        var mail = Rendering.Render(SampleFacts.DecisionReviewDue(childReference: "CH-2211", reviewDate: "2026-12-29"));

        Assert.Contains("http://localhost:5000/decisions/sexual-activity/assessments/0193f7a2-0000-7000-8000-000000000042", mail.Text, StringComparison.Ordinal);
        Assert.Contains("still stands " + Due, mail.Text, StringComparison.Ordinal);
        Assert.Contains("child CH-2211", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DecisionApprovalRequested_LinksTheSeniorToTheAssessment()
    {
        var mail = Rendering.Render(SampleFacts.DecisionApprovalRequested(childReference: "CH-0912"));

        Assert.Equal("A decision about child CH-0912 needs your approval", mail.Subject);
        Assert.Contains("http://localhost:5000/decisions/sexual-activity/assessments/0193f7a2-0000-7000-8000-000000000043", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Approve or decline the decision", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Dear Sam Senior,", mail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("approved", "Your decision about child CH-0912 was approved", "Sam Senior has approved your decision")]
    [InlineData("declined", "Your decision about child CH-0912 was not approved", "Sam Senior has declined to approve your decision")]
    public void Render_DecisionApprovalDecided_TellsTheAssessorWhatTheSeniorDecided(string status, string subject, string says)
    {
        var mail = Rendering.Render(SampleFacts.DecisionApprovalDecided(status));

        Assert.Equal(subject, mail.Subject);
        Assert.Contains(says, mail.Text, StringComparison.Ordinal);
        Assert.Contains(says, mail.Html, StringComparison.Ordinal);
        Assert.Contains("/decisions/sexual-activity/assessments/0193f7a2-0000-7000-8000-000000000043", mail.Text, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Rendering.Render(SampleFacts.DecisionApprovalDecided(status) with { Payload = new Dictionary<string, string>() }));
    }

    [Fact]
    public void Render_InvitationWithoutToken_IsRefused()
    {
        var facts = SampleFacts.Invitation() with { Payload = new Dictionary<string, string>() };

        Assert.Throws<InvalidOperationException>(() => Rendering.Render(facts));
    }

    [Fact]
    public void Render_PasswordReset_LinksToTheResetPageWithTheToken()
    {
        var mail = Rendering.Render(SampleFacts.PasswordReset("r3s-ET_9", new DateTimeOffset(2026, 12, 19, 10, 0, 0, TimeSpan.Zero)));

        Assert.Contains("http://localhost:5000/account/reset-password?token=r3s-ET_9", mail.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost:5000/account/reset-password?token=r3s-ET_9\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("choose a new password by 10am on Saturday 19 December 2026", mail.Text, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Rendering.Render(SampleFacts.PasswordReset() with { Payload = new Dictionary<string, string>() }));
    }

    [Fact]
    public void Render_DeadlineOnAJuneEvening_IsTheLondonDayNotTheUtcOne()
    {
        // 23:59:59 BST on Tuesday 30 June is 22:59:59 UTC the same day; midnight BST would be the 30th in UTC but 1 July in London.
        var escalation = SampleFacts.Escalation(2) with { Stage = SampleFacts.Stage(2, new DateTimeOffset(2026, 6, 30, 22, 59, 59, TimeSpan.Zero), true) };

        var mail = Rendering.Render(SampleFacts.Mail("reminder", Audience.StageActors, escalation));

        Assert.Contains("by the end of Tuesday 30 June 2026", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HourDeadline_GivesTheLocalTime()
    {
        var escalation = SampleFacts.Escalation(2) with { Stage = SampleFacts.Stage(2, new DateTimeOffset(2026, 7, 1, 13, 0, 0, TimeSpan.Zero), true) };

        var mail = Rendering.Render(SampleFacts.Mail("reminder", Audience.StageActors, escalation));

        Assert.Contains("by 2pm on Wednesday 1 July 2026", mail.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://safeguarding.example.org/", "https://safeguarding.example.org/escalations/")]
    [InlineData("https://example.org/partnership", "https://example.org/partnership/escalations/")]
    public void Render_BaseUrl_StartsEveryLink(string baseUrl, string expected)
    {
        var mail = Rendering.Render(SampleFacts.Mail("raised", Audience.Raiser, SampleFacts.Escalation(1)), baseUrl);

        Assert.Contains(expected + "0193f7a2-5c1e-7b2d-9a41-2f6c8e0d4b17", mail.Text, StringComparison.Ordinal);
    }
}
