using System.Net;
using System.Text.Json.Nodes;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Directory;

/// <summary>The same directory change, or the same invitation, sent twice at once: one wins, the other is refused, never a 500.</summary>
public sealed class DirectoryRaceTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task PostAgency_TwoAtOnceWithTheSameName_One201AndOne400NamingName()
    {
        using var admin = await host.SignInAsync(Who.Admin);
        for (var round = 0; round < 3; round++)
        {
            var before = await host.CountsAsync();

            var results = await Task.WhenAll(
                Task.Run(() => admin.PostAsync("/api/agencies", Bodies.Agency($"Racing agency {round}"))),
                Task.Run(() => admin.PostAsync("/api/agencies", Bodies.Agency($"Racing agency {round}"))));

            Assert.True(results.Count(r => r.Status == HttpStatusCode.Created) == 1, string.Join(" | ", results.Select(r => r.Describe())));
            EscalationSteps.AssertInvalid(results.Single(r => r.Status != HttpStatusCode.Created), "name");
            Assert.Equal(before.Agencies + 1, (await host.CountsAsync()).Agencies);
        }
    }

    [Fact]
    public async Task PostPerson_TwoAtOnceWithTheSameEmail_One201AndOne400NamingEmail()
    {
        var people = await host.PeopleAsync();
        using var admin = await host.SignInAsync(Who.Admin);
        for (var round = 0; round < 3; round++)
        {
            var email = $"racing.person.{round}@example.org";

            var results = await Task.WhenAll(
                Task.Run(() => admin.PostAsync("/api/people", Bodies.Person(email, people.SchoolId))),
                Task.Run(() => admin.PostAsync("/api/people", Bodies.Person(email, people.CscId))));

            Assert.True(results.Count(r => r.Status == HttpStatusCode.Created) == 1, string.Join(" | ", results.Select(r => r.Describe())));
            EscalationSteps.AssertInvalid(results.Single(r => r.Status != HttpStatusCode.Created), "email");
            Assert.Single(await host.OutboxForAsync(email, "invitation"));
        }
    }

    [Fact]
    public async Task AcceptInvitation_TwiceAtOnce_One204AndOne400NamingToken()
    {
        var people = await host.PeopleAsync();
        using var admin = await host.SignInAsync(Who.Admin);
        using var anonymous = host.Anonymous();
        for (var round = 0; round < 3; round++)
        {
            var email = $"racing.invitee.{round}@example.org";
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/people", Bodies.Person(email, people.SchoolId))).Status);
            var token = JsonNode.Parse(Assert.Single(await host.OutboxForAsync(email, "invitation")).Payload!)!["token"]!.GetValue<string>();

            var results = await Task.WhenAll(
                Task.Run(() => anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept(token, "the first long passphrase"))),
                Task.Run(() => anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept(token, "the second long passphrase"))));

            Assert.True(results.Count(r => r.Status == HttpStatusCode.NoContent) == 1, string.Join(" | ", results.Select(r => r.Describe())));
            EscalationSteps.AssertInvalid(results.Single(r => r.Status != HttpStatusCode.NoContent), "token");
        }
    }
}
