using Escalation.Browser.Tests.TestSupport;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.Escalations;

/// <summary>
/// The whole story, as the people involved live it: a teacher raises an escalation; the social worker follows the email
/// link and responds; the teacher escalates; both managers follow their email links, and one responds while the other
/// resolves it; the outcome statement is printed. Someone uninvolved who gets hold of the link sees "Page not found".
/// </summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class WholeStoryTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Escalation_RaisedRespondedEscalatedResolved_ByEmailLinks_AndOutcomePrinted()
    {
        // A teacher raises an escalation about a social worker's decision.
        await using var teacher = await Visitor.OpenAsync(fixture, "whole-story/1-teacher");
        await teacher.SignInAsync(Demo.Teacher);
        var id = await RaiseJourney.RaiseAsync(teacher, "CH-1042");
        var confirmation = await teacher.Page.Locator("main").InnerTextAsync();
        Assert.Contains("Escalation raised", confirmation, StringComparison.Ordinal);
        Assert.Contains(Demo.SocialWorkerName + ", whose decision you disagree with", confirmation, StringComparison.Ordinal);
        Assert.Contains("Stage 1 of 4: Practitioner, due by the end of Tuesday 29 December", confirmation, StringComparison.Ordinal);
        var reference = (await teacher.Page.Locator(".govuk-panel__body strong").InnerTextAsync()).Trim();

        // The social worker follows the link in their email, signs in, and lands on the escalation.
        var raised = await fixture.Mail.WaitForAsync(Demo.SocialWorker, $"Escalation {reference} has been raised");
        var link = raised.Link(fixture.BaseUrl);
        Assert.EndsWith($"/escalations/{id}", link, StringComparison.Ordinal);
        await using var socialWorker = await Visitor.OpenAsync(fixture, "whole-story/2-social-worker");
        await socialWorker.GotoAsync(link, "sign-in-from-email");
        await socialWorker.SignInAsync(Demo.SocialWorker);
        Assert.EndsWith($"/escalations/{id}", socialWorker.Page.Url, StringComparison.Ordinal);
        await Expect(socialWorker, "Stage 1 of 4: Practitioner, due by the end of Tuesday 29 December");
        await socialWorker.ButtonAsync("Add a response", "respond");
        await socialWorker.Page.GetByLabel("Add a response").FillAsync("The referral was closed because the family accepted early help.");
        await socialWorker.ButtonAsync("Add response", "responded");
        await Expect(socialWorker, "Your response has been added");
        Assert.Equal(0, await socialWorker.Page.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).CountAsync());

        // The teacher, not satisfied, escalates to the managers.
        await teacher.GotoAsync("/", "home-action-needed");
        Assert.Contains(reference, await teacher.Page.Locator("#action").InnerTextAsync(), StringComparison.Ordinal);
        await teacher.LinkAsync($"{reference}: child CH-1042", "escalation");
        await teacher.ButtonAsync("Escalate to stage 2", "escalate");
        await teacher.Page.GetByLabel("Why are you escalating?").FillAsync("Early help has not started and the disclosures continue.");
        await teacher.ButtonAsync("Escalate", "escalated");
        await Expect(teacher, "Stage 2 of 4: Manager, due by the end of Tuesday 29 December");

        // Both managers are told; the social worker's manager follows the link and responds.
        var stageMail = await fixture.Mail.WaitForAsync(Demo.SocialWorkerManager, $"Escalation {reference} is now at stage 2");
        await using var cscManager = await Visitor.OpenAsync(fixture, "whole-story/3-csc-manager");
        await cscManager.GotoAsync(stageMail.Link(fixture.BaseUrl), "sign-in-from-email");
        await cscManager.SignInAsync(Demo.SocialWorkerManager);
        await cscManager.ButtonAsync("Add a response", "respond");
        await cscManager.Page.GetByLabel("Add a response").FillAsync("I have reviewed the case: we will hold a strategy discussion.");
        await cscManager.ButtonAsync("Add response", "responded");

        // The teacher's manager follows their link and resolves it.
        var teacherManagerMail = await fixture.Mail.WaitForAsync(Demo.TeacherManager, $"Escalation {reference} is now at stage 2");
        await using var schoolManager = await Visitor.OpenAsync(fixture, "whole-story/4-school-manager");
        await schoolManager.GotoAsync(teacherManagerMail.Link(fixture.BaseUrl), "sign-in-from-email");
        await schoolManager.SignInAsync(Demo.TeacherManager);
        await Expect(schoolManager, "I have reviewed the case");
        await schoolManager.ButtonAsync("Resolve", "resolve");
        await schoolManager.Page.GetByLabel("The decision was changed").CheckAsync();
        await schoolManager.Page.GetByLabel("Outcome statement").FillAsync("Children's Social Care will hold a strategy discussion on 21 December.");
        await schoolManager.Page.GetByLabel("Agreed actions (optional)").FillAsync("CSC to convene the strategy discussion\nSchool to share the attendance record");
        await schoolManager.Page.GetByLabel("Learning (optional)").FillAsync("Share attendance data with the referral.");
        await schoolManager.Page.GetByLabel("Good practice (optional)").FillAsync("The teacher recorded each disclosure promptly.");
        await schoolManager.ButtonAsync("Resolve the escalation", "resolved");
        await Expect(schoolManager, "The escalation has been resolved");
        await Expect(schoolManager, "Resolved at stage 2 of 4: Manager");

        // Everyone is told; the teacher sees it under Closed and prints the outcome statement.
        await fixture.Mail.WaitForAsync(Demo.Teacher, $"Escalation {reference} has been resolved");
        await teacher.GotoAsync("/", "home-closed");
        Assert.Contains(reference, await teacher.Page.Locator("#closed").InnerTextAsync(), StringComparison.Ordinal);
        await teacher.GotoAsync($"/escalations/{id}", "escalation-resolved");
        await teacher.LinkAsync("Print the outcome statement for both agencies' records", "outcome-statement");
        var statement = await teacher.Page.Locator("main").InnerTextAsync();
        Assert.Contains($"Outcome of escalation {reference}", statement, StringComparison.Ordinal);
        Assert.Contains("strategy discussion on 21 December", statement, StringComparison.Ordinal);
        Assert.Contains("School to share the attendance record", statement, StringComparison.Ordinal);
        var pdf = await teacher.Page.PdfAsync(new() { Path = teacher.ArtefactPath("outcome-statement.pdf"), Format = "A4" });
        Assert.True(pdf.Length > 1000, "The printed statement is empty.");

        // Someone with no part in it who gets hold of the link sees "Page not found".
        await using var outsider = await Visitor.OpenAsync(fixture, "whole-story/5-outsider");
        await outsider.SignInAsync(Demo.Police);
        var response = await outsider.GotoAsync($"/escalations/{id}", "not-found");
        Assert.Equal(404, response!.Status);
        await Expect(outsider, "Page not found");
    }

    private static async Task Expect(Visitor visitor, string text) =>
        Assert.Contains(text, await visitor.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
}
