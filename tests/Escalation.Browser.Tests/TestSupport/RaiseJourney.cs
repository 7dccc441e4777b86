using Microsoft.Playwright;

namespace Escalation.Browser.Tests.TestSupport;

/// <summary>The demo partnership's people the tests use (README: accounts and the demonstration partnership).</summary>
public static class Demo
{
    public const string Teacher = "practitioner1@riverside.example.org";
    public const string TeacherName = "Tess Turner";
    public const string TeacherManager = "manager@riverside.example.org";
    public const string TeacherSenior = "senior@riverside.example.org";
    public const string SocialWorker = "practitioner1@csc.example.org";
    public const string SocialWorkerName = "Sol Adeyemi";
    public const string SocialWorkerManager = "manager@csc.example.org";
    public const string Police = "practitioner1@police.example.org";
    public const string Csc = "Westshire Children's Social Care";
}

/// <summary>Raises an escalation through every page of the journey, with the mouse, checking each page.</summary>
public static class RaiseJourney
{
    /// <summary>Raises one from the signed-in teacher about the social worker's decision; returns its id from the confirmation page.</summary>
    /// <remarks>
    /// With <c>fromHome</c> it starts from the home page's start button, as a person does, instead of opening the address;
    /// with <c>startAtStage</c> above 1 it starts at that stage, giving a reason.
    /// </remarks>
    public static async Task<Guid> RaiseAsync(Visitor v, string childReference, string track = "Standard", bool fromHome = false,
        int startAtStage = 1)
    {
        ArgumentNullException.ThrowIfNull(v);
        var page = v.Page;
        if (fromHome)
            await v.ClickAsync(page.Locator("main .govuk-button--start"), "raise-immediate-risk");
        else
            await v.GotoAsync("/escalations/raise", "raise-immediate-risk");
        await page.GetByLabel("No", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await v.ButtonAsync("Continue", "raise-child");
        await page.GetByLabel("Child's reference").FillAsync(childReference);
        await page.GetByLabel("Child's age in years (optional)").FillAsync("14");
        await v.ButtonAsync("Continue", "raise-agency");
        await page.GetByLabel(Demo.Csc).CheckAsync();
        await v.ButtonAsync("Continue", "raise-professional");
        await page.GetByLabel(Demo.SocialWorkerName).CheckAsync();
        await v.ButtonAsync("Continue", "raise-decision");
        await page.GetByLabel("What was the decision?").FillAsync("The referral was closed with no further action.");
        await page.GetByLabel("Day").FillAsync("17");
        await page.GetByLabel("Month").FillAsync("12");
        await page.GetByLabel("Year").FillAsync("2026");
        await v.ButtonAsync("Continue", "raise-category");
        await page.GetByLabel("Referral judged below threshold, or closed with no further action").CheckAsync();
        await v.ButtonAsync("Continue", "raise-level-of-need");
        await page.GetByLabel("Level 3: child in need, complex needs").CheckAsync();
        await v.ButtonAsync("Continue", "raise-concern");
        await page.GetByLabel("What is your concern about the decision?").FillAsync("Three disclosures at school this term.\nHer attendance has fallen to 60%.");
        await v.ButtonAsync("Continue", "raise-outcome");
        await page.GetByLabel("What outcome do you want?").FillAsync("A strategy discussion this week.");
        await v.ButtonAsync("Continue", "raise-track");
        await page.GetByLabel(track, new PageGetByLabelOptions { Exact = true }).CheckAsync();
        if (track == "Urgent")
            await page.GetByLabel("If it is urgent, why?").FillAsync("She is due to go home on Friday.");
        await v.ButtonAsync("Continue", "raise-stage");
        if (startAtStage > 1)
        {
            await page.GetByLabel($"Stage {startAtStage}:").CheckAsync();
            await page.GetByLabel("If you start above stage 1, why?").FillAsync("The managers have already met and could not agree.");
        }

        await v.ButtonAsync("Continue", "raise-check-answers");
        await v.ButtonAsync("Raise the escalation", "raise-confirmation");
        return IdFrom(page.Url);
    }

    /// <summary>The escalation id in an address like <c>/escalations/{id}/raised</c>.</summary>
    public static Guid IdFrom(string url) =>
        Guid.Parse(new Uri(url).Segments.Select(s => s.Trim('/')).First(s => Guid.TryParse(s, out _)));
}
