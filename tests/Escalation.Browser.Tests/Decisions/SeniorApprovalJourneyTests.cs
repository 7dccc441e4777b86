using Escalation.Browser.Tests.TestSupport;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.Decisions;

/// <summary>
/// A decision that leaves out a required action for a child under 13 is approved by the senior it names, in that
/// senior's own browser: pending until they act, their answer mailed to the assessor, both lists showing where it stands.
/// </summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class SeniorApprovalJourneyTests(BrowserFixture fixture)
{
    private const string SchoolSenior = "senior@riverside.example.org";
    private const string SchoolSeniorName = "Gill Martin";

    [Fact]
    public async Task Under13WithoutReferral_PendingUntilTheSchoolsSeniorApproves_ThenTheTeacherIsTold()
    {
        await using var teacher = await Visitor.OpenAsync(fixture, "decisions/approval-teacher");
        await teacher.SignInAsync(Demo.Teacher);
        await teacher.LinkAsync("Sexually active child", "start");
        await DecisionJourney.AnswerAsync(teacher, "CH-1299", 12);
        await teacher.ButtonAsync("Record your decision", "record");

        var page = teacher.Page;
        foreach (var action in new[] { "Discuss with your designated safeguarding lead", "Discuss with other agencies",
                     "Complete the exploitation screening tool", "Keep giving advice and support" })
            await page.GetByLabel(action, new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await page.GetByLabel("If you have not taken a required action, why not?")
            .FillAsync("Children's Social Care already hold a strategy discussion about this child; a second referral adds nothing.");
        await page.GetByLabel("Who did you consult?").FillAsync("Dee Lead, designated safeguarding lead");
        await page.Locator("#ConsultedAt").FillAsync("18");
        await page.Locator("#ConsultedAt-month").FillAsync("12");
        await page.Locator("#ConsultedAt-year").FillAsync("2026");
        await page.GetByLabel("At what time?").FillAsync("9:30am");
        var approvers = await page.GetByLabel("Senior manager in your agency to approve your decision").Locator("option").AllInnerTextsAsync();
        Assert.Contains(SchoolSeniorName, approvers);
        Assert.DoesNotContain("Priya Shah", approvers); // the senior of Children's Social Care: another agency
        await page.GetByLabel("Senior manager in your agency to approve your decision").SelectOptionAsync(new SelectOptionValue { Label = SchoolSeniorName });
        await page.Locator("#ReviewDate").FillAsync("18");
        await page.Locator("#ReviewDate-month").FillAsync("1");
        await page.Locator("#ReviewDate-year").FillAsync("2027");
        await teacher.ButtonAsync("Record the decision", "recorded");

        Assert.Equal("Approval pending", (await page.Locator("#approval-status").InnerTextAsync()).Trim());
        var assessment = page.Url;

        // The senior is asked by email, lands on the assessment, sees it waiting in their list too, and approves it.
        var asked = await fixture.Mail.WaitForAsync(SchoolSenior, "A decision about child CH-1299 needs your approval");
        await using var senior = await Visitor.OpenAsync(fixture, "decisions/approval-senior");
        await senior.GotoAsync(asked.Link(fixture.BaseUrl), "sign-in-from-email");
        await senior.SignInAsync(SchoolSenior);
        Assert.Equal(assessment, senior.Page.Url);
        await senior.LinkAsync("Sexually active child", "start");
        await senior.LinkAsync("Your assessments", "assessments");
        var waiting = senior.Page.Locator("#waiting + table");
        Assert.Contains("CH-1299", await waiting.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Approval pending", await waiting.InnerTextAsync(), StringComparison.Ordinal);
        await senior.ClickAsync(waiting.GetByRole(AriaRole.Link, new() { Name = "CH-1299" }), "assessment");
        await senior.Page.GetByLabel("Approve the decision").CheckAsync();
        await senior.Page.GetByLabel("Your note").FillAsync("Agreed: the strategy discussion already covers the referral.");
        await senior.ButtonAsync("Record your answer", "approved");
        Assert.Equal("Approved", (await senior.Page.Locator("#approval-status").InnerTextAsync()).Trim());
        Assert.Equal(0, await senior.Page.Locator("#approval form").CountAsync());

        // The teacher is told, and the assessment now reads approved for them, with the senior's note.
        await fixture.Mail.WaitForAsync(Demo.Teacher, "Your decision about child CH-1299 was approved");
        await teacher.GotoAsync(assessment, "assessment-approved");
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Approved", main, StringComparison.Ordinal);
        Assert.Contains("Agreed: the strategy discussion already covers the referral.", main, StringComparison.Ordinal);
        Assert.Contains("Worked out under version 2 of the guidance", main, StringComparison.Ordinal);
    }
}
