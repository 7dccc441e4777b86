using System.Text.Json.Nodes;
using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Core.Tests.Policies;
using static Escalation.Core.Tests.Engine.TestData;

namespace Escalation.Core.Tests.Engine;

/// <summary>
/// A stage's <c>alsoTell</c> in a board's own policy. The schema lets it name any audience, so each must resolve to people.
/// </summary>
public class RecipientsAlsoTellTests
{
    /// <summary>The default policy with stage 2's <c>alsoTell</c> set, loaded through the real loader and schema.</summary>
    private static PolicyDefinition WithStage2AlsoTell(string audience) =>
        PolicyLoader.Parse(
            PolicyTestData.Mutate(p => p.Stage(1)["alsoTell"] = new JsonArray(audience)),
            PolicyTestData.FileName,
            PolicyTestData.Schema);

    private static IReadOnlyList<Recipient> Reminder(PolicyDefinition policy, int stage) =>
        new Recipients(policy, People.Directory)
            .For(new MailIntent(NotificationEvent.Reminder, stage, [Audience.StageActors]), People.Raiser.Id, People.Respondent.Id, stage);

    [Fact]
    public void Reminder_AtStage2_WithAlsoTellBoardChair_TellsTheManagersAndTheChair()
    {
        var recipients = Reminder(WithStage2AlsoTell("board-chair"), 2);

        Assert.Equal(
            new[] { People.SchoolManager, People.CscManager, People.BoardChair }.Select(p => p.Id).Order(),
            recipients.Select(r => r.PersonId!.Value).Order());
    }

    [Fact]
    public void Reminder_AtStage2_WithAlsoTellParties_TellsTheManagersAndTheParties()
    {
        var recipients = Reminder(WithStage2AlsoTell("parties"), 2);

        Assert.Equal(
            new[] { People.SchoolManager, People.CscManager, People.Raiser, People.Respondent }.Select(p => p.Id).Order(),
            recipients.Select(r => r.PersonId!.Value).Order());
    }

    [Fact]
    public void Reminder_AtStage2_WithAlsoTellRaiser_TellsTheRaiserToo()
    {
        var recipients = Reminder(WithStage2AlsoTell("raiser"), 2);

        Assert.Contains(recipients, r => r.PersonId == People.Raiser.Id);
    }

    [Theory]
    [InlineData("stage-actors")]
    [InlineData("everyone-so-far")]
    public async Task Reminder_AtStage2_WithSelfReferringAlsoTell_IsRefusedOrResolvesPromptly(string audience)
    {
        PolicyDefinition policy;
        try
        {
            policy = WithStage2AlsoTell(audience);
        }
        catch (PolicyValidationException)
        {
            return;
        }

        // Run apart from the test thread so that, while the bug stands, the test fails instead of hanging the run.
        var resolving = Task.Factory.StartNew(() => Reminder(policy, 2).Count, CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var first = await Task.WhenAny(resolving, Task.Delay(TimeSpan.FromSeconds(5)));

        Assert.True(first == resolving, $"Resolving alsoTell [\"{audience}\"] did not finish in 5 seconds.");
    }
}
