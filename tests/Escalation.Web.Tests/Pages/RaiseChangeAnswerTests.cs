using System.Net;
using Escalation.Web.Tests.Decisions;

namespace Escalation.Web.Tests.Pages;

/// <summary>Changing an answer from "Check your answers" keeps every other answer, unless the new answer stops the journey.</summary>
public sealed class RaiseChangeAnswerTests(DecisionHost host) : IClassFixture<DecisionHost>
{
    private const string Raise = "/escalations/raise";

    [Fact]
    public async Task ChangeImmediateRisk_ToYesAndReferred_ReturnsToCheckAnswersWithTheOtherAnswers()
    {
        using var browser = await host.SignInAsync(host.People.Teacher);
        await AnswerEverythingAsync(browser, "CH-CHANGE-RISK");

        using var risk = await Post(browser, Raise, new() { ["Answer"] = "yes" });
        Assert.Equal(Raise + "/referral", risk.Headers.Location?.ToString());
        using var referral = await Post(browser, Raise + "/referral", new() { ["Answer"] = "yes" });
        Assert.Equal(Raise + "/check-answers", referral.Headers.Location?.ToString());

        using var check = await browser.GetAsync(new Uri(Raise + "/check-answers", UriKind.Relative));
        var page = await check.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("Yes, and a referral has been made", page, StringComparison.Ordinal);
        Assert.Contains("CH-CHANGE-RISK", page, StringComparison.Ordinal);
        Assert.Contains("A strategy discussion this week.", page, StringComparison.Ordinal);
        Assert.Contains("Her partner is 19.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeImmediateRisk_BackToNo_ReturnsToCheckAnswersWithTheOtherAnswers()
    {
        using var browser = await host.SignInAsync(host.People.Teacher);
        await Post(browser, Raise, new() { ["Answer"] = "yes" });
        await Post(browser, Raise + "/referral", new() { ["Answer"] = "yes" });
        await AnswerEverythingAsync(browser, "CH-CHANGE-BACK", skipSafeguarding: true);

        using var risk = await Post(browser, Raise, new() { ["Answer"] = "no" });
        Assert.Equal(Raise + "/check-answers", risk.Headers.Location?.ToString());

        var page = await browser.GetStringAsync(new Uri(Raise + "/check-answers", UriKind.Relative));
        Assert.Contains("CH-CHANGE-BACK", page, StringComparison.Ordinal);
        Assert.Contains("Her partner is 19.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeImmediateRisk_ToYesAndNotReferred_StopsAndForgetsTheAnswers()
    {
        using var browser = await host.SignInAsync(host.People.Teacher);
        await AnswerEverythingAsync(browser, "CH-CHANGE-STOP");

        await Post(browser, Raise, new() { ["Answer"] = "yes" });
        using var referral = await Post(browser, Raise + "/referral", new() { ["Answer"] = "no" });
        Assert.Equal(Raise + "/contact-now", referral.Headers.Location?.ToString());

        using var child = await browser.GetAsync(new Uri(Raise + "/child", UriKind.Relative));
        Assert.Equal(Raise, child.Headers.Location?.ToString());
    }

    private async Task AnswerEverythingAsync(HttpClient browser, string child, bool skipSafeguarding = false)
    {
        if (!skipSafeguarding)
            await Post(browser, Raise, new() { ["Answer"] = "no" });
        await Post(browser, Raise + "/child", new() { ["ChildReference"] = child, ["ChildAge"] = "14" });
        await Post(browser, Raise + "/agency", new() { ["AgencyId"] = host.People.CscId.ToString() });
        await Post(browser, Raise + "/professional", new() { ["RespondentId"] = host.People.SocialWorker.ToString() });
        await Post(browser, Raise + "/decision", new()
        {
            ["DecisionChallenged"] = "Closed with no further action", ["DecisionDate.Day"] = "17", ["DecisionDate.Month"] = "12", ["DecisionDate.Year"] = "2026",
        });
        await Post(browser, Raise + "/category", new() { ["Category"] = "below-threshold" });
        await Post(browser, Raise + "/level-of-need", new() { ["Level"] = "3" });
        await Post(browser, Raise + "/concern", new() { ["Text"] = "Her partner is 19." });
        await Post(browser, Raise + "/outcome", new() { ["Text"] = "A strategy discussion this week." });
        await Post(browser, Raise + "/track", new() { ["Track"] = "standard" });
        using var stage = await Post(browser, Raise + "/stage", new() { ["Stage"] = "1" });
        Assert.Equal(Raise + "/check-answers", stage.Headers.Location?.ToString());
        using var check = await browser.GetAsync(new Uri(Raise + "/check-answers", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
    }

    private static Task<HttpResponseMessage> Post(HttpClient browser, string path, Dictionary<string, string> fields) =>
        DecisionHost.PostFormAsync(browser, path, fields, null);
}
