using System.Net;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Directory;

/// <summary>The directory by role: everyone who works on escalations reads it; only administrators change it; report viewers see neither.</summary>
public sealed class DirectoryAuthorisationTests(ApiHost host) : IClassFixture<ApiHost>
{
    public static readonly TheoryData<Who> EveryRole =
    [
        Who.Teacher, Who.TeacherManager, Who.SchoolSenior, Who.BoardOfficer, Who.Chair, Who.ReportViewer, Who.Admin,
    ];

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task GetAgenciesAndPeople_ByRole_ReportViewerIsRefused(Who who)
    {
        using var caller = await host.SignInAsync(who);
        var expected = who == Who.ReportViewer ? HttpStatusCode.Forbidden : HttpStatusCode.OK;

        var agencies = await caller.GetAsync("/api/agencies");
        var people = await caller.GetAsync("/api/people");

        Assert.True(agencies.Status == expected, agencies.Describe());
        Assert.True(people.Status == expected, people.Describe());
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.DoesNotContain("@example.org", people.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Riverside", agencies.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task PostAgencyAndPerson_ByRole_OnlyAdminMayAndOthersStoreNothing(Who who)
    {
        var partnership = await host.PeopleAsync();
        using var caller = await host.SignInAsync(who);
        var before = await host.CountsAsync();

        var agency = await caller.PostAsync("/api/agencies", Bodies.Agency($"Agency added by {who}"));
        var person = await caller.PostAsync("/api/people", Bodies.Person($"added.by.{who}@example.org".ToLowerInvariant(), partnership.SchoolId));

        if (who == Who.Admin)
        {
            Assert.True(agency.Status == HttpStatusCode.Created, agency.Describe());
            Assert.True(person.Status == HttpStatusCode.Created, person.Describe());
        }
        else
        {
            Assert.True(agency.Status == HttpStatusCode.Forbidden, agency.Describe());
            Assert.True(person.Status == HttpStatusCode.Forbidden, person.Describe());
            Assert.Equal(before, await host.CountsAsync());
        }
    }
}
