using Escalation.Core.Engine;
using Escalation.Core.Policies;
using static Escalation.Core.Tests.Engine.TestData;

namespace Escalation.Core.Tests.Engine;

/// <summary>The board business unit's shared mailbox, when configured, is told whenever the unit is.</summary>
public class RecipientsMailboxTests
{
    private static readonly SharedMailbox Mailbox = new("Board business unit", "lscb@westshire.example.org");

    private static IReadOnlyList<Recipient> For(NotificationEvent notification, int stage, SharedMailbox? mailbox) =>
        new Recipients(Policy, People.Directory, mailbox)
            .For(new MailIntent(notification, stage, Policy.Notifications[notification]), People.Raiser.Id, People.Respondent.Id, stage);

    [Fact]
    public void Raised_WithAMailboxConfigured_AlsoGoesToTheMailboxWithNoPersonId()
    {
        var recipients = For(NotificationEvent.Raised, 1, Mailbox);

        var shared = Assert.Single(recipients, r => r.Email == Mailbox.Email);
        Assert.Null(shared.PersonId);
        Assert.Equal(Audience.BoardBusinessUnit, shared.Audience);
        Assert.Contains(recipients, r => r.PersonId == People.BoardOfficer.Id);
    }

    [Fact]
    public void StageEntered_AtStage2_DoesNotTellTheMailbox()
    {
        Assert.DoesNotContain(For(NotificationEvent.StageEntered, 2, Mailbox), r => r.Email == Mailbox.Email);
    }

    [Fact]
    public void Raised_WhenAnOfficerHasTheMailboxAddress_SendsItOnce()
    {
        var sameAsOfficer = new SharedMailbox("Team", People.BoardOfficer.Email.ToUpperInvariant());

        var recipients = For(NotificationEvent.Raised, 1, sameAsOfficer);

        Assert.Single(recipients, r => string.Equals(r.Email, People.BoardOfficer.Email, StringComparison.OrdinalIgnoreCase));
    }
}
