using Escalation.Browser.Tests.TestSupport;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.Escalations;

/// <summary>
/// Each role's whole job, from signing in, by clicking and by following the links in their mail: no address typed.
/// </summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class RoleJourneyTests(BrowserFixture fixture)
{
    private const string TeacherSchool = "Riverside Primary School";

    [Fact]
    public async Task Practitioner_RaisesEscalatesResolves_AndPrintsTheOutcomeStatementAndChronology()
    {
        await using var teacher = await Visitor.OpenAsync(fixture, "roles/practitioner");
        await teacher.SignInAsync(Demo.Teacher);
        var id = await RaiseJourney.RaiseAsync(teacher, "CH-ROLE-P", fromHome: true);
        await Expect(teacher, $"{Demo.SocialWorkerName} should reply to you before then.");
        var reference = await ReferenceAsync(teacher);

        // The social worker answers from their mail.
        var raised = await fixture.Mail.WaitForAsync(Demo.SocialWorker, $"Escalation {reference} has been raised");
        await using var socialWorker = await Visitor.OpenAsync(fixture, "roles/practitioner-respondent");
        await socialWorker.GotoAsync(raised.Link(fixture.BaseUrl), "sign-in-from-email");
        await socialWorker.SignInAsync(Demo.SocialWorker);
        await RespondAsync(socialWorker, "Early help was offered and accepted.");

        // The teacher escalates, then resolves once the managers agree.
        await teacher.LinkAsync("Go to your escalations", "home");
        await teacher.LinkAsync($"{reference}: child CH-ROLE-P", "escalation");
        await Expect(teacher, "Early help was offered and accepted.");
        await teacher.ButtonAsync("Escalate to stage 2", "escalate");
        await teacher.Page.GetByLabel("Why are you escalating?").FillAsync("Early help has not started.");
        await teacher.ButtonAsync("Escalate", "escalated");
        await Expect(teacher, "Stage 2 of 4: Manager");
        await teacher.ButtonAsync("Resolve", "resolve");
        await teacher.Page.GetByLabel("The decision was changed").CheckAsync();
        await teacher.Page.GetByLabel("Outcome statement").FillAsync("CSC will hold a strategy discussion on 21 December.");
        await teacher.Page.GetByLabel("Agreed actions (optional)").FillAsync("CSC to convene the strategy discussion\nSchool to share attendance");
        await teacher.ButtonAsync("Resolve the escalation", "resolved");

        // The outcome statement, for both agencies' records.
        await teacher.LinkAsync("Print the outcome statement for both agencies' records", "outcome-statement");
        var statement = await teacher.Page.Locator("main").InnerTextAsync();
        Assert.Contains($"Outcome of escalation {reference}", statement, StringComparison.Ordinal);
        Assert.Contains(TeacherSchool, statement, StringComparison.Ordinal);
        Assert.Contains(Demo.Csc, statement, StringComparison.Ordinal);
        Assert.Contains(Demo.TeacherName, statement, StringComparison.Ordinal);
        Assert.Contains(Demo.SocialWorkerName, statement, StringComparison.Ordinal);
        Assert.Contains("Resolved by\n" + Demo.TeacherName, statement.Replace("\t", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("The decision was changed", statement, StringComparison.Ordinal);
        Assert.Contains("School to share attendance", statement, StringComparison.Ordinal);
        Assert.True(await teacher.Page.GetByRole(AriaRole.Button, new() { Name = "Print this page" }).IsVisibleAsync());
        var pdf = await teacher.Page.PdfAsync(new() { Path = teacher.ArtefactPath("outcome-statement.pdf"), Format = "A4" });
        Assert.True(pdf.Length > 1000, "The printed statement is empty.");

        // The chronology: every entry, oldest first.
        await teacher.LinkAsync("Back to the escalation", "escalation-resolved");
        await teacher.LinkAsync("Print the chronology", "chronology");
        var rows = await teacher.Page.Locator("tbody tr").AllInnerTextsAsync();
        Assert.Collection(rows,
            r => Assert.Contains("Raised at stage 1 of 4", r, StringComparison.Ordinal),
            r => Assert.Contains("Response added", r, StringComparison.Ordinal),
            r => Assert.Contains("Escalated to stage 2 of 4", r, StringComparison.Ordinal),
            r => Assert.Contains("Resolved", r, StringComparison.Ordinal));
        await teacher.Page.PdfAsync(new() { Path = teacher.ArtefactPath("chronology.pdf"), Format = "A4" });
        Assert.NotEqual(Guid.Empty, id);
    }

    [Fact]
    public async Task Respondent_LandsFromTheMailLink_RespondsAndCannotResolveOrEscalate()
    {
        await using var teacher = await Visitor.OpenAsync(fixture, "roles/respondent-raiser");
        await teacher.SignInAsync(Demo.Teacher);
        var id = await RaiseJourney.RaiseAsync(teacher, "CH-ROLE-R", fromHome: true);
        var reference = await ReferenceAsync(teacher);

        var raised = await fixture.Mail.WaitForAsync(Demo.SocialWorker, $"Escalation {reference} has been raised");
        await using var socialWorker = await Visitor.OpenAsync(fixture, "roles/respondent");
        await socialWorker.GotoAsync(raised.Link(fixture.BaseUrl), "sign-in-from-email");
        await socialWorker.SignInAsync(Demo.SocialWorker);
        Assert.EndsWith($"/escalations/{id}", socialWorker.Page.Url, StringComparison.Ordinal);
        await RespondAsync(socialWorker, "We closed it because the family engaged with early help.");

        foreach (var name in new[] { "Escalate to stage 2", "Resolve", "Withdraw" })
            Assert.Equal(0, await socialWorker.Page.GetByRole(AriaRole.Button, new() { Name = name }).CountAsync());
        Assert.Equal(1, await socialWorker.Page.GetByRole(AriaRole.Button, new() { Name = "Add a response" }).CountAsync());
    }

    [Fact]
    public async Task Manager_FollowsTheStage2Mail_RespondsAndEscalatesToTheSeniors()
    {
        await using var teacher = await Visitor.OpenAsync(fixture, "roles/manager-raiser");
        await teacher.SignInAsync(Demo.Teacher);
        await RaiseJourney.RaiseAsync(teacher, "CH-ROLE-M", fromHome: true);
        var reference = await ReferenceAsync(teacher);
        await teacher.LinkAsync("View the escalation", "escalation");
        await teacher.ButtonAsync("Escalate to stage 2", "escalate");
        await teacher.Page.GetByLabel("Why are you escalating?").FillAsync("No reply from the social worker.");
        await teacher.ButtonAsync("Escalate", "escalated");

        var mail = await fixture.Mail.WaitForAsync(Demo.TeacherManager, $"Escalation {reference} is now at stage 2");
        await using var manager = await Visitor.OpenAsync(fixture, "roles/manager");
        await manager.GotoAsync(mail.Link(fixture.BaseUrl), "sign-in-from-email");
        await manager.SignInAsync(Demo.TeacherManager);
        await Expect(manager, "Stage 2 of 4: Manager");
        await RespondAsync(manager, "I have spoken to the CSC team manager; we still disagree.");
        await manager.ButtonAsync("Escalate to stage 3", "escalate");
        await manager.Page.GetByLabel("Why are you escalating?").FillAsync("The managers could not agree.");
        await manager.ButtonAsync("Escalate", "escalated");
        await Expect(manager, "Stage 3 of 4: Senior");
    }

    [Fact]
    public async Task Senior_FollowsTheMailOfAnEscalationStartedAtStage3_AndResolvesIt()
    {
        await using var teacher = await Visitor.OpenAsync(fixture, "roles/senior-raiser");
        await teacher.SignInAsync(Demo.Teacher);
        await RaiseJourney.RaiseAsync(teacher, "CH-ROLE-S", fromHome: true, startAtStage: 3);
        var confirmation = await teacher.Page.Locator("main").InnerTextAsync();
        Assert.Contains("At this stage the senior managers or designated safeguarding professionals of both agencies act.", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain("should reply to you", confirmation, StringComparison.Ordinal);
        var reference = await ReferenceAsync(teacher);

        // One mail each: the raised mail names the starting stage; no separate "now at stage 3" mail.
        var mail = await fixture.Mail.WaitForAsync(Demo.TeacherSenior, $"Escalation {reference} has been raised at stage 3: Senior");
        Assert.Contains("It starts with you: you act at this stage.", mail.Text, StringComparison.Ordinal);
        await fixture.Mail.WaitForAsync(Demo.SocialWorker, $"Escalation {reference} has been raised at stage 3: Senior");
        var about = (await fixture.Mail.EmailsAsync()).Where(m => m.Subject.Contains(reference, StringComparison.Ordinal)).ToList();
        Assert.Single(about, m => m.To.Contains(Demo.SocialWorker, StringComparer.OrdinalIgnoreCase));
        Assert.Single(about, m => m.To.Contains(Demo.TeacherSenior, StringComparer.OrdinalIgnoreCase));
        Assert.DoesNotContain(about, m => m.Subject.Contains("is now at stage", StringComparison.Ordinal));
        await using var senior = await Visitor.OpenAsync(fixture, "roles/senior");
        await senior.GotoAsync(mail.Link(fixture.BaseUrl), "sign-in-from-email");
        await senior.SignInAsync(Demo.TeacherSenior);
        await Expect(senior, "Stage 3 of 4: Senior");
        await RespondAsync(senior, "The designated nurse and I reviewed the case with CSC's head of service.");
        await senior.ButtonAsync("Resolve", "resolve");
        await senior.Page.GetByLabel("The original decision stands").CheckAsync();
        await senior.Page.GetByLabel("Outcome statement").FillAsync("The threshold decision stands; early help continues with a review in four weeks.");
        await senior.ButtonAsync("Resolve the escalation", "resolved");
        await Expect(senior, "Resolved at stage 3 of 4: Senior");
    }

    private static async Task RespondAsync(Visitor visitor, string note)
    {
        await visitor.ButtonAsync("Add a response", "respond");
        await visitor.Page.GetByLabel("Add a response").FillAsync(note);
        await visitor.ButtonAsync("Add response", "responded");
        await Expect(visitor, "Your response has been added");
    }

    private static async Task<string> ReferenceAsync(Visitor visitor) =>
        (await visitor.Page.Locator(".govuk-panel__body strong").InnerTextAsync()).Trim();

    private static async Task Expect(Visitor visitor, string text) =>
        Assert.Contains(text, await visitor.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
}
