using System.Net;

namespace Escalation.Web.Tests.Decisions;

/// <summary>Who may read an assessment back; everyone else is told it does not exist.</summary>
public sealed class AccessTests(DecisionHost host) : IClassFixture<DecisionHost>, IAsyncLifetime
{
    private string _location = "";

    public async Task InitializeAsync() =>
        _location = $"{DecisionHost.Path}/assessments/{await host.RecordAsync(host.People.Teacher, Bodies.NoConcern14(child: "CH-ACCESS"))}";

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(nameof(TestPartnership.Teacher))]
    [InlineData(nameof(TestPartnership.TeacherManager))]
    [InlineData(nameof(TestPartnership.SchoolSenior))]
    [InlineData(nameof(TestPartnership.BoardOfficer))]
    [InlineData(nameof(TestPartnership.Chair))]
    public async Task Read_AssessorTheirManagerSeniorOrBoard_200(string who)
    {
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(Person(who), _location)).Status);
    }

    [Theory]
    [InlineData(nameof(TestPartnership.Outsider))]
    [InlineData(nameof(TestPartnership.SocialWorker))]
    [InlineData(nameof(TestPartnership.CscSenior))]
    [InlineData(nameof(DecisionHost.Peer))]
    public async Task Read_UnrelatedPractitionerOrAnotherAgencysSenior_404(string who)
    {
        var answer = await host.GetAsync(Person(who), _location);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.DoesNotContain("CH-ACCESS", answer.Json?.ToJsonString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NoSuchAssessment_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync(host.People.Chair, $"{DecisionHost.Path}/assessments/{Guid.NewGuid()}")).Status);
    }

    private Guid Person(string who) => who == nameof(DecisionHost.Peer)
        ? host.Peer
        : (Guid)typeof(TestPartnership).GetProperty(who)!.GetValue(host.People)!;
}
