using System.Net;

namespace Escalation.Web.Tests.Decisions;

/// <summary>
/// The approval journey through the pages on a real SQLite file: the assessor may name only a senior of their own
/// agency; the assessment shows the approval pending; the senior finds it waiting, declines with a note (refused
/// without one), and the assessor sees who declined, when and why.
/// </summary>
public sealed class ApprovalPageTests(DecisionHost host) : IClassFixture<DecisionHost>
{
    private const string Start = "/decisions/sexual-activity";

    [Fact]
    public async Task Approval_ThroughThePages_AskedPendingDeclinedWithANoteAndShownToTheAssessor()
    {
        using var teacher = await host.SignInAsync(host.People.Teacher);
        await AnswerUnder13Async(teacher, "CH-PAGE-APP");
        var record = await teacher.GetStringAsync(new Uri(Start + "/record", UriKind.Relative));
        Assert.Contains($"value=\"{host.People.SchoolSenior}\"", record, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{host.People.CscSenior}\"", record, StringComparison.Ordinal);

        using var otherAgency = await DecisionHost.PostFormAsync(teacher, Start + "/record", Decision(host.People.CscSenior));
        var refused = await otherAgency.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, otherAgency.StatusCode);
        Assert.Contains("There is a problem", refused, StringComparison.Ordinal);
        Assert.Contains("id=\"ApproverId-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("must be a senior manager in your own agency", refused, StringComparison.Ordinal);

        using var recorded = await DecisionHost.PostFormAsync(teacher, Start + "/record", Decision(host.People.SchoolSenior));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var assessment = recorded.Headers.Location!.ToString();
        var pending = await teacher.GetStringAsync(new Uri(assessment, UriKind.Relative));
        Assert.Contains("Approval pending</strong>", pending, StringComparison.Ordinal);
        Assert.Contains("Waiting for Sam Senior to approve or decline", pending, StringComparison.Ordinal);
        Assert.DoesNotContain("Do you approve this decision?", pending, StringComparison.Ordinal);

        using var senior = await host.SignInAsync(host.People.SchoolSenior);
        var waiting = await senior.GetStringAsync(new Uri(Start + "/assessments", UriKind.Relative));
        Assert.Contains("Assessments waiting for my approval", waiting, StringComparison.Ordinal);
        Assert.Contains($"href=\"{assessment}\">CH-PAGE-APP</a>", waiting, StringComparison.Ordinal);
        var toDecide = await senior.GetStringAsync(new Uri(assessment, UriKind.Relative));
        Assert.Contains("Do you approve this decision?", toDecide, StringComparison.Ordinal);

        using var noNote = await DecisionHost.PostFormAsync(senior, assessment + "?handler=Approval", new() { ["Decision"] = "decline", ["Note"] = "" }, assessment);
        var noNotePage = await noNote.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Contains("<a href=\"#Note\">Say why you do not approve the decision</a>", noNotePage, StringComparison.Ordinal);

        using var declined = await DecisionHost.PostFormAsync(senior, assessment + "?handler=Approval",
            new() { ["Decision"] = "decline", ["Note"] = "Refer to Children's Social Care today." }, assessment);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Contains("You declined to approve the decision", await senior.GetStringAsync(new Uri(assessment, UriKind.Relative)), StringComparison.Ordinal);

        var shown = await teacher.GetStringAsync(new Uri(assessment, UriKind.Relative));
        Assert.Contains("Not approved</strong>", shown, StringComparison.Ordinal);
        Assert.Contains("Declined by Sam Senior, ", shown, StringComparison.Ordinal);
        Assert.Contains("Refer to Children&#x27;s Social Care today.", shown, StringComparison.Ordinal);
        var mine = await teacher.GetStringAsync(new Uri(Start + "/assessments", UriKind.Relative));
        Assert.Contains("My assessments", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Assessments waiting for my approval", mine, StringComparison.Ordinal);
        Assert.Contains("Not approved</strong>", mine, StringComparison.Ordinal);
        var id = Guid.Parse(assessment[(assessment.LastIndexOf('/') + 1)..]);
        Assert.Equal("tess.teacher@example.org", Assert.Single(await host.AssessmentMailsAsync("decision-approval-decided", id)).RecipientEmail);
    }

    [Fact]
    public async Task AssessmentPage_SomeoneWhoMayReadButIsNotTheApprover_CannotDecide()
    {
        var id = await host.RecordAsync(host.People.Teacher, Bodies.Under13NotReferred(host.People.SchoolSenior, "CH-PAGE-MGR"));
        using var manager = await host.SignInAsync(host.People.TeacherManager);
        var page = await manager.GetStringAsync(new Uri($"{Start}/assessments/{id}", UriKind.Relative));

        using var posted = await DecisionHost.PostFormAsync(manager, $"{Start}/assessments/{id}?handler=Approval",
            new() { ["Decision"] = "approve" }, $"{Start}/assessments/{id}");

        Assert.DoesNotContain("Do you approve this decision?", page, StringComparison.Ordinal);
        Assert.True(posted.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)posted.StatusCode}");
        Assert.NotEqual("/decisions/sexual-activity/assessments/" + id, posted.Headers.Location?.ToString());
        var read = await host.GetAsync(host.People.Teacher, $"{DecisionHost.Path}/assessments/{id}");
        Assert.Equal("pending", read.Json!["approval"]!["status"]!.GetValue<string>());
    }

    private static async Task AnswerUnder13Async(HttpClient browser, string child)
    {
        (await DecisionHost.PostFormAsync(browser, Start, [])).Dispose();
        (await DecisionHost.PostFormAsync(browser, Start + "/child", new() { ["ChildReference"] = child, ["ChildAge"] = "12" })).Dispose();
        (await DecisionHost.PostFormAsync(browser, Start + "/partner", [])).Dispose();
        (await DecisionHost.PostFormAsync(browser, Start + "/risk-factors", [])).Dispose();
        (await DecisionHost.PostFormAsync(browser, Start + "/warning-signs", [])).Dispose();
        (await DecisionHost.PostFormAsync(browser, Start + "/contraception", new() { ["Answer"] = "no" })).Dispose();
    }

    private static Dictionary<string, string> Decision(Guid approver) => new()
    {
        ["ActionsTaken"] = "consult-dsl",
        ["Rationale"] = "Agreed at the strategy meeting.",
        ["Consulted"] = "Dee Lead",
        ["ConsultedAt.Day"] = "18", ["ConsultedAt.Month"] = "12", ["ConsultedAt.Year"] = "2026",
        ["ConsultedTime"] = "09:30",
        ["ApproverId"] = approver.ToString(),
        ["ReviewDate.Day"] = "11", ["ReviewDate.Month"] = "1", ["ReviewDate.Year"] = "2027",
    };
}
