using Escalation.Browser.Tests.TestSupport;

namespace Escalation.Browser.Tests.Account;

/// <summary>Forgotten passwords: a link by email, which sets a new one.</summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class PasswordTests(BrowserFixture fixture)
{
    private const string Email = "practitioner2@gp.example.org";
    private const string NewPassword = "four words make a password";

    [Fact]
    public async Task ForgottenPassword_EmailLink_SetsANewPassword()
    {
        await using var doctor = await Visitor.OpenAsync(fixture, "forgotten-password");
        await doctor.GotoAsync("/account/sign-in", "sign-in");
        await doctor.Page.GetByLabel("Email address").FillAsync(Email);
        await doctor.Page.GetByLabel("Password").FillAsync("not my password");
        await doctor.ButtonAsync("Sign in", "wrong-password");
        Assert.Contains("Enter a correct email address and password", await doctor.Page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);

        await doctor.LinkAsync("I have forgotten my password", "forgot");
        await doctor.Page.GetByLabel("What is your email address?").FillAsync(Email);
        await doctor.ButtonAsync("Send the link", "check-your-email");
        var mail = await fixture.Mail.WaitForAsync(Email, "Choose a new password");
        await doctor.GotoAsync(mail.Link(fixture.BaseUrl), "reset");
        await doctor.Page.GetByLabel("Create a password").FillAsync(NewPassword);
        await doctor.Page.GetByLabel("Confirm your password").FillAsync("four words make a passport");
        await doctor.ButtonAsync("Save password", "mismatch");
        Assert.Contains("The passwords do not match", await doctor.Page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await doctor.Page.GetByLabel("Create a password").FillAsync(NewPassword);
        await doctor.Page.GetByLabel("Confirm your password").FillAsync(NewPassword);
        await doctor.ButtonAsync("Save password", "saved");
        Assert.Contains("Your new password is saved", await doctor.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await doctor.SignInAsync(Email, NewPassword);
        Assert.Equal("Your escalations", (await doctor.Page.Locator("h1").InnerTextAsync()).Trim());

        // The link works once.
        await doctor.GotoAsync(mail.Link(fixture.BaseUrl), "reset-again");
        await doctor.Page.GetByLabel("Create a password").FillAsync("another four words here");
        await doctor.Page.GetByLabel("Confirm your password").FillAsync("another four words here");
        await doctor.ButtonAsync("Save password", "link-used");
        Assert.Contains("This link has expired or has already been used", await doctor.Page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
    }
}
