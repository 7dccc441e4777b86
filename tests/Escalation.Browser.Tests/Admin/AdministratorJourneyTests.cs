using System.Net.Http.Json;
using System.Text.Json;
using Escalation.Browser.Tests.TestSupport;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.Admin;

/// <summary>
/// The administrator's whole job from the navigation: add a person, change their details, send a new invitation,
/// deactivate someone who leaves while a respondent on an open escalation (the page names who takes over), and see
/// the mails still being tried beside those set aside.
/// </summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class AdministratorJourneyTests(BrowserFixture fixture)
{
    private const string Leaver = "practitioner2@health.example.org";
    private const string LeaverName = "Ben Foster";
    private const string LeaverManager = "Ravi Patel";

    [Fact]
    public async Task Administrator_AddsEditsReinvitesAndDeactivatesPeople_AndSeesMailsStillTrying()
    {
        var escalation = await RaiseAgainstLeaverAsync();
        await using var admin = await Visitor.OpenAsync(fixture, "roles/administrator");
        await admin.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        var page = admin.Page;
        await admin.LinkAsync("Administration", "administration");
        await admin.LinkAsync("People", "people");

        // Add a person, who is invited by email.
        await admin.ButtonAsync("Add a person", "add-person");
        await page.GetByLabel("Full name").FillAsync("Iris Newcomer");
        await page.GetByLabel("Work email address").FillAsync("iris.newcomer@youth.example.org");
        await page.GetByLabel("Agency", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Westshire Youth Service" });
        await page.GetByLabel("Practitioner", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await admin.ButtonAsync("Add and send invitation", "person-added");
        var first = await fixture.Mail.WaitForAsync("iris.newcomer@youth.example.org", "Set up your account");

        // Change her details, then send a new invitation: the first link stops working.
        Assert.Contains("Iris Newcomer has been added and sent an invitation", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await admin.LinkAsync("Iris Newcomer", "person");
        await admin.ClickAsync(page.GetByRole(AriaRole.Button, new() { Name = "Change details" }), "edit-person");
        await page.GetByLabel("Full name").FillAsync("Iris Newcombe");
        await admin.ButtonAsync("Save changes", "person-changed");
        Assert.Contains("Iris Newcombe", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var before = (await fixture.Mail.EmailsAsync()).Count(m => m.To.Contains("iris.newcomer@youth.example.org", StringComparer.OrdinalIgnoreCase));
        await admin.ButtonAsync("Send a new invitation", "invitation-sent-again");
        await WaitForMailCountAsync("iris.newcomer@youth.example.org", before + 1);
        await using (var invited = await Visitor.OpenAsync(fixture, "roles/administrator-old-link"))
        {
            await invited.GotoAsync(first.Link(fixture.BaseUrl), "old-invitation");
            Assert.Contains("This invitation link has expired or has already been used",
                await invited.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await invited.Page.GetByLabel("Create a password").CountAsync());
        }

        // Someone leaves while a respondent on an open escalation: the page names who takes over.
        await admin.LinkAsync("People", "people-for-leaver");
        await admin.ClickAsync(page.GetByRole(AriaRole.Link, new() { Name = LeaverName, Exact = true }), "leaver");
        await admin.ButtonAsync($"Deactivate {LeaverName}", "deactivate");
        var takeOver = await page.Locator("main").InnerTextAsync();
        Assert.Contains(escalation, takeOver, StringComparison.Ordinal);
        Assert.Contains(LeaverManager, takeOver, StringComparison.Ordinal);
        await admin.ButtonAsync($"Deactivate {LeaverName}", "deactivated");
        await admin.LinkAsync("People", "people-after");
        Assert.Contains("Left", await page.Locator("tbody tr", new PageLocatorOptions { HasText = LeaverName }).InnerTextAsync(), StringComparison.Ordinal);

        // The leaver cannot sign in, and is no longer offered as a respondent.
        await using (var leaver = await Visitor.OpenAsync(fixture, "roles/administrator-leaver"))
        {
            await leaver.GotoAsync("/account/sign-in", "sign-in");
            await leaver.Page.GetByLabel("Email address").FillAsync(Leaver);
            await leaver.Page.GetByLabel("Password").FillAsync(Visitor.DemoPassword);
            await leaver.ButtonAsync("Sign in", "refused");
            Assert.Contains("Enter a correct email address and password", await leaver.Page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        }

        await using (var raiser = await Visitor.OpenAsync(fixture, "roles/administrator-picker"))
        {
            await raiser.SignInAsync("practitioner2@hilltop.example.org");
            await raiser.LinkAsync("Raise an escalation", "raise-immediate-risk");
            await raiser.Page.GetByLabel("No", new PageGetByLabelOptions { Exact = true }).CheckAsync();
            await raiser.ButtonAsync("Continue", "raise-child");
            await raiser.Page.GetByLabel("Child's reference").FillAsync("CH-4401");
            await raiser.ButtonAsync("Continue", "raise-agency");
            await raiser.Page.GetByLabel("Westshire Community Health Trust").CheckAsync();
            await raiser.ButtonAsync("Continue", "raise-professional");
            var offered = await raiser.Page.Locator("main").InnerTextAsync();
            Assert.Contains("Nora Quinn", offered, StringComparison.Ordinal);
            Assert.DoesNotContain(LeaverName, offered, StringComparison.Ordinal);
        }

        // Mails still being tried show their tries and last error, beside those set aside.
        await fixture.RetryingMailAsync("slow.relay@youth.example.org", "Slow Relay");
        await admin.LinkAsync("Administration", "administration-again");
        await admin.LinkAsync("Emails that could not be sent", "failed-mails");
        var mails = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Still trying", mails, StringComparison.Ordinal);
        Assert.Contains("slow.relay@youth.example.org", mails, StringComparison.Ordinal);
        Assert.Contains("Connection refused (the relay could not be reached)", mails, StringComparison.Ordinal);
        Assert.Contains("1 try", mails, StringComparison.Ordinal);
        Assert.DoesNotContain("1 tries", mails, StringComparison.Ordinal);
    }

    /// <summary>A teacher at Hilltop raises an escalation about the leaver's decision, through the API; returns its reference.</summary>
    private async Task<string> RaiseAgainstLeaverAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseUrl };
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { email = "practitioner1@hilltop.example.org", password = Visitor.DemoPassword });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var people = await http.GetFromJsonAsync<JsonElement>("/api/people");
        var leaverId = people.EnumerateArray().Single(p => p.GetProperty("email").GetString() == Leaver).GetProperty("id").GetGuid();
        using var raised = await http.PostAsJsonAsync("/api/escalations", new
        {
            childReference = "CH-4400", childAgeYears = 13, respondentId = leaverId, category = "information-sharing", levelOfNeed = 2,
            decisionChallenged = "Health declined to share the school nurse's notes.", decisionDate = "2026-12-16",
            concern = "The notes are needed for the child's plan.", desiredOutcome = "Share the notes.", track = "standard",
            startAtStage = 1, startAtStageReason = (string?)null, childAtImmediateRisk = false, immediateReferralMade = false,
        });
        raised.EnsureSuccessStatusCode();
        return (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
    }

    private async Task WaitForMailCountAsync(string to, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await fixture.Mail.EmailsAsync()).Count(m => m.To.Contains(to, StringComparer.OrdinalIgnoreCase)) < count)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"No new mail to {to} arrived.");
            await Task.Delay(200);
        }
    }
}
