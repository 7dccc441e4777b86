using Escalation.Browser.Tests.TestSupport;
using Escalation.Data;
using Escalation.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.Decisions;

/// <summary>Answers the questions of the decision journey with the mouse, checking each page.</summary>
internal static class DecisionJourney
{
    public const string Start = "/decisions/sexual-activity";

    /// <summary>From the start page to the result: the child, no partner details, the factors given, no warning signs, no contraception.</summary>
    public static async Task AnswerAsync(Visitor v, string childReference, int age, params string[] factors)
    {
        var page = v.Page;
        await v.ButtonAsync("Start now", "child");
        await page.GetByLabel("Child's reference").FillAsync(childReference);
        await page.GetByLabel("Child's age in years").FillAsync(age.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await v.ButtonAsync("Continue", "partner");
        await v.ButtonAsync("Continue", "risk-factors");
        foreach (var factor in factors)
            await page.GetByLabel(factor, new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await v.ButtonAsync("Continue", "warning-signs");
        await v.ButtonAsync("Continue", "contraception");
        await page.GetByLabel("No", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await v.ButtonAsync("Continue", "result");
    }

    /// <summary>The id in an address like <c>/decisions/sexual-activity/assessments/{id}</c>.</summary>
    public static Guid IdFrom(string url) => RaiseJourney.IdFrom(url);

    public static async Task<int> AssessmentCountAsync(BrowserFixture fixture)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscalationDbContext>().Assessments.CountAsync();
    }

    public static async Task<EscalationRecord> EscalationAsync(BrowserFixture fixture, Guid id)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscalationDbContext>().Escalations.AsNoTracking().SingleAsync(e => e.Id == id);
    }
}
