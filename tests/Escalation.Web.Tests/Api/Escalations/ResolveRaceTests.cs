using System.Net;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Escalations;

/// <summary>Two resolves sent at once with the same <c>If-Match</c>: exactly one wins, the other is told the escalation changed.</summary>
public sealed class ResolveRaceTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task TwoRacingResolves_SameIfMatch_OneAnswers200AndTheOther412()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var manager = await host.SignInAsync(Who.TeacherManager);
        for (var round = 0; round < 8; round++)
        {
            var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
            var escalated = await teacher.PostAsync($"/api/escalations/{id}/escalate", Bodies.Reason());
            Assert.True(escalated.Status == HttpStatusCode.OK, escalated.Describe());
            var etag = escalated.ETag;

            // At the managers' stage, the raiser and their manager (both on the raising side) resolve at the same moment.
            var results = await Task.WhenAll(
                Task.Run(() => teacher.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve("decision-changed"), etag)),
                Task.Run(() => manager.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve("decision-upheld"), etag)));

            var statuses = results.Select(r => r.Status).Order().ToList();
            Assert.True(statuses.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed]),
                $"Round {round}: {string.Join(" | ", results.Select(r => r.Describe()))}");
            var after = await teacher.GetAsync($"/api/escalations/{id}");
            var winner = results.Single(r => r.Status == HttpStatusCode.OK).Json;
            Assert.Equal(3, after.Json["version"]!.GetValue<int>());
            Assert.Equal(winner["outcome"]!["kind"]!.GetValue<string>(), after.Json["outcome"]!["kind"]!.GetValue<string>());
            Assert.Single(after.Json["history"]!.AsArray(), h => h!["type"]!.GetValue<string>() == "resolved");
        }
    }

    [Fact]
    public async Task TwoRacingResolves_NoIfMatch_OneAnswers200AndTheOtherNever500()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        for (var round = 0; round < 5; round++)
        {
            var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

            var results = await Task.WhenAll(
                Task.Run(() => teacher.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve())),
                Task.Run(() => teacher.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve())));

            // Without If-Match the loser either sees the escalation already resolved (409) or loses the write (412).
            Assert.Single(results, r => r.Status == HttpStatusCode.OK);
            Assert.Single(results, r => r.Status is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed);
            var after = await teacher.GetAsync($"/api/escalations/{id}");
            Assert.Single(after.Json["history"]!.AsArray(), h => h!["type"]!.GetValue<string>() == "resolved");
        }
    }
}
