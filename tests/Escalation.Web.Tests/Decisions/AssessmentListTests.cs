using System.Net;
using System.Text.Json.Nodes;

namespace Escalation.Web.Tests.Decisions;

/// <summary>GET .../assessments: the assessments the caller may read, newest first, each with where its approval stands.</summary>
public sealed class AssessmentListTests(DecisionHost host) : IClassFixture<DecisionHost>
{
    private const string Assessments = DecisionHost.Path + "/assessments";

    [Fact]
    public async Task List_ForTheAssessor_TheirOwnNewestFirstWithTheContractFields()
    {
        var older = await host.RecordAsync(host.People.Teacher, Bodies.NoConcern14(child: "CH-L1"));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await host.RecordAsync(host.People.Teacher, Bodies.Under13NotReferred(host.People.SchoolSenior, "CH-L2"));
        var peers = await host.RecordAsync(host.Peer, Bodies.NoConcern14(child: "CH-L3"));

        var list = await host.GetAsync(host.People.Teacher, Assessments);

        Assert.Equal(HttpStatusCode.OK, list.Status);
        var items = list.Json!.AsArray().Select(i => i!.AsObject()).ToList();
        var ids = items.Select(i => i["id"]!.GetValue<Guid>()).ToList();
        Assert.True(ids.IndexOf(newer) < ids.IndexOf(older), "newest first");
        Assert.DoesNotContain(peers, ids);
        var first = items[ids.IndexOf(newer)];
        Assert.Equal(["id", "childReference", "ageBand", "createdAt", "reviewDate", "approval"], first.Select(p => p.Key));
        Assert.Equal("CH-L2", first["childReference"]!.GetValue<string>());
        Assert.Equal("under-13", first["ageBand"]!.GetValue<string>());
        Assert.Equal("2027-01-11", first["reviewDate"]!.GetValue<string>());
        Assert.Equal("pending", first["approval"]!["status"]!.GetValue<string>());
        Assert.Null(items[ids.IndexOf(older)]["approval"]);
    }

    [Fact]
    public async Task List_ForTheSeniorOfTheAgencyAndTheBoard_IncludesIt_ForAnotherAgencyOrAnOutsider_DoesNot()
    {
        var id = await host.RecordAsync(host.People.Teacher, Bodies.NoConcern14(child: "CH-L4"));

        async Task<List<Guid>> Ids(Guid who) =>
            [.. (await host.GetAsync(who, Assessments)).Json!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())];

        Assert.Contains(id, await Ids(host.People.SchoolSenior));
        Assert.Contains(id, await Ids(host.People.TeacherManager));
        Assert.Contains(id, await Ids(host.People.BoardOfficer));
        Assert.DoesNotContain(id, await Ids(host.People.CscSenior));
        Assert.DoesNotContain(id, await Ids(host.People.Outsider));
        Assert.DoesNotContain(id, await Ids(host.Peer));
    }

    [Fact]
    public async Task List_AfterTheApproverDecides_ShowsTheDecision()
    {
        var id = await host.RecordAsync(host.People.Teacher, Bodies.Under13NotReferred(host.People.SchoolSenior, "CH-L5"));
        await host.PostAsync(host.People.SchoolSenior, $"{Assessments}/{id}/approval", new { approve = false, note = "Refer now." });

        var item = (await host.GetAsync(host.People.Teacher, Assessments)).Json!.AsArray()
            .Single(i => i!["id"]!.GetValue<Guid>() == id)!;

        Assert.Equal("declined", item["approval"]!["status"]!.GetValue<string>());
        Assert.Equal("Refer now.", item["approval"]!["note"]!.GetValue<string>());
        Assert.Equal(host.People.SchoolSenior, item["approval"]!["approverId"]!.GetValue<Guid>());
        Assert.IsType<JsonObject>(item["approval"]);
    }
}
