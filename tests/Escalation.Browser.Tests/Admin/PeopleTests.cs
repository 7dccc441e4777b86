using Escalation.Browser.Tests.TestSupport;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.Admin;

/// <summary>
/// An administrator imports people from a CSV file: a file with a wrong row adds nobody and names each wrong row;
/// the corrected file adds everyone, who are invited by email and set their own password.
/// </summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class PeopleTests(BrowserFixture fixture)
{
    private const string Header = "name,email,agency,roles,manager_email\n";
    private const string Manager = "Nadia Lead,nadia.lead@hilltop.example.org,Hilltop Academy,Manager,senior@hilltop.example.org\n";
    private const string Teacher = "Omar Class,omar.class@hilltop.example.org,Hilltop Academy,Practitioner,nadia.lead@hilltop.example.org\n";

    [Fact]
    public async Task ImportPeople_WrongRowsAddNobody_ThenTheFixedFileAddsAll_AndInvitationsWork()
    {
        await using var admin = await Visitor.OpenAsync(fixture, "admin-people");
        await admin.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await admin.LinkAsync("Administration", "administration");
        await admin.LinkAsync("Agencies", "agencies");
        await admin.GotoAsync("/admin/failed-mails", "failed-mails");
        await admin.GotoAsync("/admin/people", "people");
        var peopleBefore = await admin.Page.Locator("tbody tr").CountAsync();
        await admin.ButtonAsync("Import people from a CSV file", "import");

        await Upload(admin, Header + Manager + Teacher + "Pia Wrong,not-an-email,Nowhere School,Wizard\n", "import-wrong");
        var summary = await admin.Page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("nobody has been added", summary, StringComparison.Ordinal);
        Assert.Contains("Row 4, email: Enter an email address in the right format", summary, StringComparison.Ordinal);
        Assert.Contains("Row 4, agency: There is no agency called 'Nowhere School'", summary, StringComparison.Ordinal);
        Assert.Contains("Row 4, roles: 'Wizard' is not a role", summary, StringComparison.Ordinal);
        await admin.GotoAsync("/admin/people", "people-unchanged");
        Assert.Equal(peopleBefore, await admin.Page.Locator("tbody tr").CountAsync());

        await admin.GotoAsync("/admin/people/import", "import-again");
        await Upload(admin, Header + Teacher + Manager, "imported");
        Assert.Contains("2 people have been added and sent an invitation", await admin.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(peopleBefore + 2, await admin.Page.Locator("tbody tr").CountAsync());
        var omar = admin.Page.Locator("tbody tr", new PageLocatorOptions { HasText = "Omar Class" });
        Assert.Contains("Nadia Lead", await omar.InnerTextAsync(), StringComparison.Ordinal);

        // The new teacher follows the invitation, sets a password and signs in.
        var invitation = await fixture.Mail.WaitForAsync("omar.class@hilltop.example.org", "Set up your account");
        await using var omarVisitor = await Visitor.OpenAsync(fixture, "admin-people/invited");
        await omarVisitor.GotoAsync(invitation.Link(fixture.BaseUrl), "invitation");
        await omarVisitor.Page.GetByLabel("Create a password").FillAsync("chalk board lesson bell");
        await omarVisitor.Page.GetByLabel("Confirm your password").FillAsync("chalk board lesson bell");
        await omarVisitor.ButtonAsync("Set password", "password-set");
        await omarVisitor.SignInAsync("omar.class@hilltop.example.org", "chalk board lesson bell");
        Assert.Equal("Your escalations", (await omarVisitor.Page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task AddPerson_ThenAFailedMail_IsSentAgain()
    {
        await using var admin = await Visitor.OpenAsync(fixture, "admin-add-person");
        await admin.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await admin.GotoAsync("/admin/people/add", "add-person");
        await admin.ButtonAsync("Add and send invitation", "add-person-empty");
        var summary = await admin.Page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Enter the person's name", summary, StringComparison.Ordinal);
        Assert.Contains("Choose at least one role", summary, StringComparison.Ordinal);
        await admin.Page.GetByLabel("Full name").FillAsync("Rosa Nurse");
        await admin.Page.GetByLabel("Work email address").FillAsync("rosa.nurse@health.example.org");
        await admin.Page.GetByLabel("Agency", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Westshire Community Health Trust" });
        await admin.Page.GetByLabel("Practitioner", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await admin.Page.GetByLabel("Line manager (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Ravi Patel (Westshire Community Health Trust)" });
        await admin.ButtonAsync("Add and send invitation", "person-added");
        Assert.Contains("Rosa Nurse has been added and sent an invitation", await admin.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await fixture.Mail.WaitForAsync("rosa.nurse@health.example.org", "Set up your account");

        await fixture.ParkFailedMailAsync("parked.person@youth.example.org", "Parked Person");
        await admin.GotoAsync("/admin/failed-mails", "failed-mails");
        Assert.Contains("550 Mailbox unavailable", await admin.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await admin.ButtonAsync("Send again to parked.person@youth.example.org", "sent-again");
        Assert.Contains("The email will be sent again", await admin.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await fixture.Mail.WaitForAsync("parked.person@youth.example.org", "Set up your account");
    }

    private static async Task Upload(Visitor admin, string csv, string shot)
    {
        await admin.Page.GetByLabel("Upload a CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "people.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await admin.ButtonAsync("Import people", shot);
    }
}
