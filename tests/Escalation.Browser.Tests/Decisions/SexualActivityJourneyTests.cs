using Escalation.Browser.Tests.TestSupport;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.Decisions;

/// <summary>
/// The decision prompts for a sexually active child, in the browser: the questions, the required actions with their
/// reasons, the recorded decision, and an escalation started from it, filled in, when Children's Social Care took no
/// further action. Ages 12 (always refer) and 18 (out of scope) get their own tests.
/// </summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class SexualActivityJourneyTests(BrowserFixture fixture)
{
    private const string ImmediateRisk = "If a child is at immediate risk of harm, contact Children's Social Care or the police now";

    [Fact]
    public async Task Decision_14WithARiskFactor_RecordedWithoutReferral_ThenEscalatedPrefilledAndRaised()
    {
        await using var teacher = await Visitor.OpenAsync(fixture, "decisions/14-with-a-factor");
        await teacher.SignInAsync(Demo.Teacher);
        var page = teacher.Page;

        // From the navigation to the start page, which warns about immediate risk first.
        await teacher.LinkAsync("Sexually active child", "start");
        Assert.Contains(ImmediateRisk, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await DecisionJourney.AnswerAsync(teacher, "CH-7714", 14, "Living circumstances or background");

        // The result: the rule's required actions, each with its reason, and the warning again.
        var result = await page.Locator("main").InnerTextAsync();
        Assert.Contains(ImmediateRisk, result, StringComparison.Ordinal);
        var actions = await page.Locator("#required-actions").InnerTextAsync();
        Assert.Contains("Refer to Children's Social Care", actions, StringComparison.Ordinal);
        Assert.Contains("Why: For a child of 13 to 15, any concern means a referral.", actions, StringComparison.Ordinal);
        Assert.Contains("Discuss with your designated safeguarding lead", actions, StringComparison.Ordinal);
        Assert.Contains("Complete the exploitation screening tool", actions, StringComparison.Ordinal);

        // The decision: no referral. Without a reason the page refuses, as the API does, naming the field.
        await teacher.ButtonAsync("Record your decision", "record");
        foreach (var action in new[] { "Discuss with your designated safeguarding lead", "Discuss with other agencies", "Complete the exploitation screening tool", "Keep giving advice and support" })
            await page.GetByLabel(action, new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await page.GetByLabel("Who did you consult?").FillAsync("Dee Lead, designated safeguarding lead");
        await page.Locator("#ConsultedAt").FillAsync("18");
        await page.Locator("#ConsultedAt-month").FillAsync("12");
        await page.Locator("#ConsultedAt-year").FillAsync("2026");
        await page.GetByLabel("At what time?").FillAsync("9:30am");
        await page.Locator("#ReviewDate").FillAsync("18");
        await page.Locator("#ReviewDate-month").FillAsync("3");
        await page.Locator("#ReviewDate-year").FillAsync("2027");
        await teacher.ButtonAsync("Record the decision", "record-without-a-reason");
        var summary = await page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Explain why you have not taken these required actions: Refer to Children's Social Care", summary, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#Rationale-error").CountAsync());

        await page.GetByLabel("If you have not taken a required action, why not?")
            .FillAsync("Children's Social Care advised on the phone that this is below threshold; the school keeps supporting her.");
        await teacher.ButtonAsync("Record the decision", "recorded");

        // The stored assessment.
        Assert.Contains("/decisions/sexual-activity/assessments/", page.Url, StringComparison.Ordinal);
        var assessmentId = DecisionJourney.IdFrom(page.Url);
        var stored = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Decision recorded", stored, StringComparison.Ordinal);
        Assert.Contains("CH-7714", stored, StringComparison.Ordinal);
        Assert.Contains("18 March 2027", stored, StringComparison.Ordinal);
        Assert.Contains("Dee Lead, designated safeguarding lead, 18 December 2026 at 9:30am", stored, StringComparison.Ordinal);

        // Children's Social Care took no further action and concerns remain: start an escalation, filled in.
        await teacher.ButtonAsync("Start an escalation", "raise-immediate-risk");
        Assert.EndsWith("/escalations/raise", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("No", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await teacher.ButtonAsync("Continue", "raise-child");
        Assert.Equal("CH-7714", await page.GetByLabel("Child's reference").InputValueAsync());
        Assert.Equal("14", await page.GetByLabel("Child's age in years (optional)").InputValueAsync());
        await teacher.ButtonAsync("Continue", "raise-agency");
        await page.GetByLabel(Demo.Csc).CheckAsync();
        await teacher.ButtonAsync("Continue", "raise-professional");
        await page.GetByLabel(Demo.SocialWorkerName).CheckAsync();
        await teacher.ButtonAsync("Continue", "raise-decision");
        await page.GetByLabel("What was the decision?").FillAsync("The referral about CH-7714 was judged below threshold.");
        await page.GetByLabel("Day").FillAsync("18");
        await page.GetByLabel("Month").FillAsync("12");
        await page.GetByLabel("Year").FillAsync("2026");
        await teacher.ButtonAsync("Continue", "raise-category");
        Assert.True(await page.GetByLabel("Referral judged below threshold, or closed with no further action").IsCheckedAsync());
        await teacher.ButtonAsync("Continue", "raise-level-of-need");
        await page.GetByLabel("Level 3: child in need, complex needs").CheckAsync();
        await teacher.ButtonAsync("Continue", "raise-concern");
        await page.GetByLabel("What is your concern about the decision?").FillAsync("She is 14 and her living circumstances put her at risk.");
        await teacher.ButtonAsync("Continue", "raise-outcome");
        await page.GetByLabel("What outcome do you want?").FillAsync("A strategy discussion.");
        await teacher.ButtonAsync("Continue", "raise-track");
        await page.GetByLabel("Standard", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await teacher.ButtonAsync("Continue", "raise-stage");
        await teacher.ButtonAsync("Continue", "raise-check-answers");
        var answers = await page.Locator(".govuk-summary-list").InnerTextAsync();
        Assert.Contains("Linked assessment", answers, StringComparison.Ordinal);
        Assert.Contains("Decision about a sexually active child", answers, StringComparison.Ordinal);
        Assert.Contains("Referral judged below threshold", answers, StringComparison.Ordinal);
        await teacher.ButtonAsync("Raise the escalation", "raise-confirmation");

        // Stored with the category, the child and the link; the respondent is told by email.
        var escalationId = RaiseJourney.IdFrom(page.Url);
        var escalation = await DecisionJourney.EscalationAsync(fixture, escalationId);
        Assert.Equal("below-threshold", escalation.Category);
        Assert.Equal("CH-7714", escalation.ChildReference);
        Assert.Equal(assessmentId, escalation.AssessmentId);
        var reference = (await page.Locator(".govuk-panel__body strong").InnerTextAsync()).Trim();
        await fixture.Mail.WaitForAsync(Demo.SocialWorker, $"Escalation {reference} has been raised");
    }

    [Fact]
    public async Task Decision_Age12_AlwaysRefer()
    {
        await using var teacher = await Visitor.OpenAsync(fixture, "decisions/age-12");
        await teacher.SignInAsync(Demo.Teacher);
        await teacher.GotoAsync(DecisionJourney.Start, "start");

        await DecisionJourney.AnswerAsync(teacher, "CH-1212", 12);

        var actions = await teacher.Page.Locator("#required-actions").InnerTextAsync();
        Assert.Contains("Refer to Children's Social Care", actions, StringComparison.Ordinal);
        Assert.Contains("Why: A child under 13 cannot consent in law", actions, StringComparison.Ordinal);
        Assert.Contains("Tell the police", actions, StringComparison.Ordinal);
        Assert.Contains("A senior manager's approval to depart from the guidance", actions, StringComparison.Ordinal);
        Assert.Contains("The child is under 13.", await teacher.Page.Locator("#explanation").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decision_14WithA22YearOldPartnerAndCoercion_StillTellsThePolice()
    {
        await using var teacher = await Visitor.OpenAsync(fixture, "decisions/adult-partner-and-coercion");
        await teacher.SignInAsync(Demo.Teacher);
        var page = teacher.Page;
        await teacher.GotoAsync(DecisionJourney.Start, "start");
        await teacher.ButtonAsync("Start now", "child");
        await page.GetByLabel("Child's reference").FillAsync("CH-1422");
        await page.GetByLabel("Child's age in years").FillAsync("14");
        await teacher.ButtonAsync("Continue", "partner");
        await page.GetByLabel("Partner's age in years, if you know it").FillAsync("22");
        await page.GetByLabel("The partner is known to the police or other agencies").CheckAsync();
        await teacher.ButtonAsync("Continue", "risk-factors");
        await page.GetByLabel("Coercion or bribery", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await page.GetByLabel("Sex in exchange for gifts, money, alcohol, drugs or favours", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await teacher.ButtonAsync("Continue", "warning-signs");
        await teacher.ButtonAsync("Continue", "contraception");
        await page.GetByLabel("No", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await teacher.ButtonAsync("Continue", "result");

        // More concern never hides the adult partner: the police are still told, and every rule says why.
        var actions = await page.Locator("#required-actions").InnerTextAsync();
        Assert.Contains("Tell the police", actions, StringComparison.Ordinal);
        Assert.Contains("Why: Sexual activity by an adult with a child under 16 is an offence.", actions, StringComparison.Ordinal);
        var why = await page.Locator("#explanation").InnerTextAsync();
        Assert.Contains("The partner is an adult and the child is under 16", why, StringComparison.Ordinal);
        Assert.True(why.IndexOf("The partner is an adult and the child is under 16", StringComparison.Ordinal)
            < why.IndexOf("There are signs of coercion or exploitation", StringComparison.Ordinal));
        Assert.Contains("A concern about a child of 13 to 15", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decision_15AskingForContraception_FraserNotAllMet_ResultSaysSo()
    {
        await using var teacher = await Visitor.OpenAsync(fixture, "decisions/fraser");
        await teacher.SignInAsync(Demo.Teacher);
        var page = teacher.Page;
        await teacher.GotoAsync(DecisionJourney.Start, "start");
        await teacher.ButtonAsync("Start now", "child");
        await page.GetByLabel("Child's reference").FillAsync("CH-1515");
        await page.GetByLabel("Child's age in years").FillAsync("15");
        await teacher.ButtonAsync("Continue", "partner");
        await page.GetByLabel("Partner's age in years, if you know it").FillAsync("16");
        await teacher.ButtonAsync("Continue", "risk-factors");
        await teacher.ButtonAsync("Continue", "warning-signs");
        await teacher.ButtonAsync("Continue", "contraception");
        await page.GetByLabel("Yes", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await teacher.ButtonAsync("Continue", "fraser");

        // Each criterion is a yes-or-no question; one left out is named, as the API names it.
        var criteria = page.Locator(".govuk-radios");
        Assert.Equal(5, await criteria.CountAsync());
        for (var i = 0; i < 4; i++)
            await criteria.Nth(i).GetByLabel("Yes", new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
        await teacher.ButtonAsync("Continue", "fraser-one-missing");
        Assert.Contains("Answer yes or no: Is it in their best interests to have advice or treatment without a parent's consent?",
            await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator(".govuk-radios").Nth(4).GetByLabel("No", new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
        await teacher.ButtonAsync("Continue", "result");

        Assert.Contains("Not all five Fraser criteria are met", await page.Locator("#explanation").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Discuss with your designated safeguarding lead", await page.Locator("#required-actions").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decision_Age18_RefusedAsOutOfScope_AndNothingStored()
    {
        var before = await DecisionJourney.AssessmentCountAsync(fixture);
        await using var teacher = await Visitor.OpenAsync(fixture, "decisions/age-18");
        await teacher.SignInAsync(Demo.Teacher);
        await teacher.GotoAsync(DecisionJourney.Start, "start");
        await teacher.ButtonAsync("Start now", "child");
        await teacher.Page.GetByLabel("Child's reference").FillAsync("CH-1818");
        await teacher.Page.GetByLabel("Child's age in years").FillAsync("18");

        await teacher.ButtonAsync("Continue", "out-of-scope");

        Assert.EndsWith("/decisions/sexual-activity/out-of-scope", teacher.Page.Url, StringComparison.Ordinal);
        var main = await teacher.Page.Locator("main").InnerTextAsync();
        Assert.Contains("This guidance is for children under 18", main, StringComparison.Ordinal);
        Assert.Contains("For a young person aged 18 or over, follow your adult safeguarding procedures.", main, StringComparison.Ordinal);
        Assert.Equal(before, await DecisionJourney.AssessmentCountAsync(fixture));
    }
}
