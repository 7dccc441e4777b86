using Escalation.Web.Pages.Display;
using Microsoft.Extensions.Configuration;

namespace Escalation.Web.Tests.Hosting;

/// <summary>The numbers shown wherever the service says "contact Children's Social Care or the police now".</summary>
public sealed class EmergencyContactsTests
{
    [Fact]
    public void Lines_NothingConfigured_StillGivePolice101And999()
    {
        var contacts = EmergencyContacts.From(new ConfigurationBuilder().Build());

        Assert.Equal(["101", "999"], contacts.Lines.Select(l => l.Number));
        Assert.Equal("police 101 when it is not an emergency; 999 in an emergency.", contacts.Sentence);
    }

    [Fact]
    public void Lines_AllConfigured_ChildrensSocialCareFirstAnd999Last()
    {
        var contacts = EmergencyContacts.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Escalation:Contacts:ChildrensSocialCare"] = " 01632 960001 ",
            ["Escalation:Contacts:OutOfHours"] = "01632 960002",
            ["Escalation:Contacts:Police"] = "01632 960003",
        }).Build());

        Assert.Equal(["01632 960001", "01632 960002", "01632 960003", "999"], contacts.Lines.Select(l => l.Number));
        Assert.Equal("Children's Social Care 01632 960001 (out of hours 01632 960002); police 01632 960003 when it is not an "
            + "emergency; 999 in an emergency.", contacts.Sentence);
    }

    [Theory]
    [InlineData("01632 960001", "tel:01632960001")]
    [InlineData("+44 1632 960001", "tel:+441632960001")]
    [InlineData("0800\" onclick=\"x()", "tel:0800")]
    public void TelLink_KeepsOnlyDigitsAndALeadingPlus(string number, string link)
    {
        Assert.Equal(link, EmergencyContacts.TelLink(number));
    }
}
