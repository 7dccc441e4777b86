using System.Net;
using System.Text.Json.Nodes;

namespace Escalation.Web.Tests.Decisions;

/// <summary>
/// Senior approval: the approver must be a senior of the assessor's own agency; they are asked by mail and decide
/// once; the assessor is told. Until then the assessment reads as pending.
/// </summary>
public sealed class ApprovalTests(DecisionHost host) : IClassFixture<DecisionHost>
{
    private const string Assessments = DecisionHost.Path + "/assessments";
    private const string Requested = "decision-approval-requested";
    private const string Decided = "decision-approval-decided";

    private static string ApprovalPath(Guid id) => $"{Assessments}/{id}/approval";

    [Fact]
    public async Task Approval_ByAnotherAgencysSenior_Refused()
    {
        var before = await host.AssessmentCountAsync();

        var answer = await host.PostAsync(host.People.Teacher, Assessments, Bodies.Under13NotReferred(host.People.CscSenior));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("your own agency", answer.Errors["decision.approverId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await host.AssessmentCountAsync());
    }

    [Fact]
    public async Task Approval_ByNonSenior_Refused()
    {
        var before = await host.AssessmentCountAsync();

        var answer = await host.PostAsync(host.People.Teacher, Assessments, Bodies.Under13NotReferred(host.People.TeacherManager));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("Senior role", answer.Errors["decision.approverId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await host.AssessmentCountAsync());
    }

    [Fact]
    public async Task Assessment_NeedingApproval_ShowsPending()
    {
        var created = await host.PostAsync(host.People.Teacher, Assessments, Bodies.Under13NotReferred(host.People.SchoolSenior, "CH-PEND"));
        var id = created.Json!["id"]!.GetValue<Guid>();

        var read = await host.GetAsync(host.People.Teacher, $"{Assessments}/{id}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        foreach (var approval in new[] { created.Json["approval"]!, read.Json!["approval"]! })
        {
            Assert.Equal("pending", approval["status"]!.GetValue<string>());
            Assert.Equal(host.People.SchoolSenior, approval["approverId"]!.GetValue<Guid>());
            Assert.Null(approval["decidedAt"]);
            Assert.Null(approval["note"]);
        }

        var mail = Assert.Single(await host.AssessmentMailsAsync(Requested, id));
        Assert.Equal("sam.senior@example.org", mail.RecipientEmail);
        Assert.Contains("CH-PEND", mail.Payload, StringComparison.Ordinal);
        Assert.Equal(created.Json["createdAt"]!.GetValue<DateTimeOffset>(), mail.CreatedAt);
    }

    [Fact]
    public async Task Assessment_NoApproverNamed_ApprovalIsNullAndNoOneIsAsked()
    {
        var id = await host.RecordAsync(host.People.Teacher, Bodies.NoConcern14(child: "CH-NOAPP"));

        var read = await host.GetAsync(host.People.Teacher, $"{Assessments}/{id}");

        Assert.True(read.Json!.AsObject().ContainsKey("approval"));
        Assert.Null(read.Json["approval"]);
        Assert.Empty(await host.AssessmentMailsAsync(Requested, id));
    }

    [Fact]
    public async Task Approval_ByApprover_RecordedAndAssessorMailed()
    {
        var id = await host.RecordAsync(host.People.Teacher, Bodies.Under13NotReferred(host.People.SchoolSenior, "CH-APPR"));

        var answer = await host.PostAsync(host.People.SchoolSenior, ApprovalPath(id), new { approve = true, note = "Agreed at the strategy meeting." });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var approval = answer.Json!["approval"]!;
        Assert.Equal("approved", approval["status"]!.GetValue<string>());
        Assert.Equal(host.Clock.GetUtcNow(), approval["decidedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Agreed at the strategy meeting.", approval["note"]!.GetValue<string>());
        Assert.Equal("approved", (await host.GetAsync(host.People.Teacher, $"{Assessments}/{id}")).Json!["approval"]!["status"]!.GetValue<string>());
        var mail = Assert.Single(await host.AssessmentMailsAsync(Decided, id));
        Assert.Equal("tess.teacher@example.org", mail.RecipientEmail);
        Assert.Contains("\"status\":\"approved\"", mail.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("strategy meeting", mail.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_Declined_NeedsANoteAndIsRecordedWithIt()
    {
        var id = await host.RecordAsync(host.People.Teacher, Bodies.Under13NotReferred(host.People.SchoolSenior, "CH-DECL"));

        var noNote = await host.PostAsync(host.People.SchoolSenior, ApprovalPath(id), new { approve = false, note = "  " });
        var declined = await host.PostAsync(host.People.SchoolSenior, ApprovalPath(id), new { approve = false, note = "Refer today." });

        Assert.Equal(HttpStatusCode.BadRequest, noNote.Status);
        Assert.NotNull(noNote.Errors["note"]);
        Assert.Equal(HttpStatusCode.OK, declined.Status);
        Assert.Equal("declined", declined.Json!["approval"]!["status"]!.GetValue<string>());
        Assert.Equal("Refer today.", declined.Json["approval"]!["note"]!.GetValue<string>());
        Assert.Contains("\"status\":\"declined\"", Assert.Single(await host.AssessmentMailsAsync(Decided, id)).Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_BadBody_400NamingTheField()
    {
        var id = await host.RecordAsync(host.People.Teacher, Bodies.Under13NotReferred(host.People.SchoolSenior, "CH-BAD"));

        var noApprove = await host.PostAsync(host.People.SchoolSenior, ApprovalPath(id), new { note = "Fine." });
        var wrongType = await host.PostTextAsync(host.People.SchoolSenior, ApprovalPath(id), """{ "approve": "yes" }""");

        Assert.Equal(HttpStatusCode.BadRequest, noApprove.Status);
        Assert.NotNull(noApprove.Errors["approve"]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.Status);
        Assert.NotNull(wrongType.Errors["approve"]);
        Assert.Equal("pending", (await host.GetAsync(host.People.Teacher, $"{Assessments}/{id}")).Json!["approval"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Approval_BySomeoneElseWhoCanRead_Forbidden()
    {
        var id = await host.RecordAsync(host.People.Teacher, Bodies.Under13NotReferred(host.People.SchoolSenior, "CH-FORB"));
        var body = new { approve = true, note = "Fine." };

        var manager = await host.PostAsync(host.People.TeacherManager, ApprovalPath(id), body);
        var assessor = await host.PostAsync(host.People.Teacher, ApprovalPath(id), body);
        var board = await host.PostAsync(host.People.BoardOfficer, ApprovalPath(id), body);
        var otherAgencySenior = await host.PostAsync(host.People.CscSenior, ApprovalPath(id), body);
        var peer = await host.PostAsync(host.Peer, ApprovalPath(id), body);
        var nothing = await host.PostAsync(host.People.SchoolSenior, ApprovalPath(Guid.NewGuid()), body);

        Assert.Equal(HttpStatusCode.Forbidden, manager.Status);
        Assert.Equal(HttpStatusCode.Forbidden, assessor.Status);
        Assert.Equal(HttpStatusCode.Forbidden, board.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherAgencySenior.Status);
        Assert.Equal(HttpStatusCode.NotFound, peer.Status);
        Assert.Equal(HttpStatusCode.NotFound, nothing.Status);
        Assert.Empty(await host.AssessmentMailsAsync(Decided, id));
    }

    [Fact]
    public async Task Approval_NoneAsked_ForbiddenEvenForASenior()
    {
        var id = await host.RecordAsync(host.People.Teacher, Bodies.NoConcern14(child: "CH-NONE"));

        var answer = await host.PostAsync(host.People.SchoolSenior, ApprovalPath(id), new { approve = true });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
    }

    [Fact]
    public async Task Approval_Twice_Conflict()
    {
        var id = await host.RecordAsync(host.People.Teacher, Bodies.Under13NotReferred(host.People.SchoolSenior, "CH-TWICE"));

        var first = await host.PostAsync(host.People.SchoolSenior, ApprovalPath(id), new { approve = true });
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await host.PostAsync(host.People.SchoolSenior, ApprovalPath(id), new { approve = false, note = "Changed my mind." });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        var approval = (await host.GetAsync(host.People.Teacher, $"{Assessments}/{id}")).Json!["approval"]!;
        Assert.Equal("approved", approval["status"]!.GetValue<string>());
        Assert.Null(approval["note"]);
        Assert.Single(await host.AssessmentMailsAsync(Decided, id));
    }

    [Fact]
    public async Task Approval_TwoAtOnce_OneRecordedTheOtherConflict()
    {
        var id = await host.RecordAsync(host.People.Teacher, Bodies.Under13NotReferred(host.People.SchoolSenior, "CH-RACE"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            host.PostAsync(host.People.SchoolSenior, ApprovalPath(id), new JsonObject { ["approve"] = i % 2 == 0, ["note"] = $"Answer {i}" })));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Equal(3, answers.Count(a => a.Status == HttpStatusCode.Conflict));
        Assert.Single(await host.AssessmentMailsAsync(Decided, id));
    }
}
