using System.Text.Json.Nodes;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Escalations;

/// <summary>
/// <c>permittedMoves</c> on an escalation is the transition table's answer for the caller: a move it lists is accepted,
/// and a move it leaves out is refused, for each party and for the board.
/// </summary>
public sealed class PermittedMovesTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly string[] Moves = ["respond", "escalate", "resolve", "withdraw"];

    [Theory]
    [InlineData(Who.Teacher, new[] { "respond", "escalate", "resolve", "withdraw" })]
    [InlineData(Who.SocialWorker, new[] { "respond" })]
    [InlineData(Who.BoardOfficer, new[] { "respond" })]
    public async Task Get_AtStage1_ListsTheMovesTheCallerMayMake(Who who, string[] expected)
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var caller = await host.SignInAsync(who);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var read = await caller.GetAsync($"/api/escalations/{id}");

        Assert.Equal(expected, Listed(read.Json));
    }

    public static TheoryData<Who, string> Cases()
    {
        var cases = new TheoryData<Who, string>();
        foreach (var who in new[] { Who.Teacher, Who.SocialWorker, Who.BoardOfficer })
        {
            foreach (var move in Moves)
                cases.Add(who, move);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Move_IsAcceptedExactlyWhenPermittedMovesListsIt(Who who, string move)
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var caller = await host.SignInAsync(who);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        var listed = Listed((await caller.GetAsync($"/api/escalations/{id}")).Json).Contains(move);

        var response = move switch
        {
            "respond" => await caller.PostAsync($"/api/escalations/{id}/responses", Bodies.Note()),
            "escalate" => await caller.PostAsync($"/api/escalations/{id}/escalate", Bodies.Reason()),
            "resolve" => await caller.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve()),
            _ => await caller.PostAsync($"/api/escalations/{id}/withdraw", Bodies.Reason()),
        };

        Assert.True(listed == ((int)response.Status is >= 200 and < 300), $"{who} {move}: listed {listed}, answered {response.Describe()}");
    }

    [Fact]
    public async Task Get_OnceResolved_ListsNoMoveForAnyone()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var socialWorker = await host.SignInAsync(Who.SocialWorker);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        await teacher.ResolveAsync(id);

        Assert.Empty(Listed((await teacher.GetAsync($"/api/escalations/{id}")).Json));
        Assert.Empty(Listed((await socialWorker.GetAsync($"/api/escalations/{id}")).Json));
    }

    private static string[] Listed(JsonNode json) => [.. json["permittedMoves"]!.AsArray().Select(m => m!.GetValue<string>())];
}
