using System.Net;
using System.Text.Json.Nodes;
using Escalation.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Web.Tests.Decisions;

/// <summary>
/// <c>POST /api/escalations</c> with an <c>assessmentId</c>: the assessment must exist and the raiser must be able to
/// read it (the rule of the assessment's read-back); otherwise 400 naming <c>assessmentId</c>, and nothing is stored.
/// </summary>
public sealed class EscalationLinkTests(DecisionHost host) : IClassFixture<DecisionHost>
{
    private const string Escalations = "/api/escalations";

    [Fact]
    public async Task Raise_UnknownAssessmentId_400NamingAssessmentIdAndNothingStored()
    {
        var before = await EscalationCountAsync();

        var answer = await host.PostAsync(host.People.Teacher, Escalations, Raise(Guid.NewGuid()));

        AssertRefused(answer);
        Assert.Equal(before, await EscalationCountAsync());
    }

    [Fact]
    public async Task Raise_AnotherPractitionersAssessment_400NamingAssessmentIdAndNothingStored()
    {
        var peers = await host.RecordAsync(host.Peer, Bodies.NoConcern14(child: "CH-PEER"));
        var before = await EscalationCountAsync();

        var answer = await host.PostAsync(host.People.Teacher, Escalations, Raise(peers));

        AssertRefused(answer);
        Assert.DoesNotContain("CH-PEER", answer.Json!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before, await EscalationCountAsync());
    }

    [Fact]
    public async Task Raise_EmptyAssessmentId_400NamingAssessmentId()
    {
        AssertRefused(await host.PostAsync(host.People.Teacher, Escalations, Raise(Guid.Empty)));
    }

    [Fact]
    public async Task Raise_UnknownAssessmentIdAndAnotherFault_400NamingBoth()
    {
        var body = Raise(Guid.NewGuid());
        body.Remove("concern");

        var answer = await host.PostAsync(host.People.Teacher, Escalations, body);

        AssertRefused(answer);
        Assert.NotNull(answer.Errors["concern"]);
    }

    [Fact]
    public async Task Raise_TheRaisersOwnAssessment_201AndTheLinkIsStored()
    {
        var own = await host.RecordAsync(host.People.Teacher, Bodies.NoConcern14(child: "CH-OWN"));

        var answer = await host.PostAsync(host.People.Teacher, Escalations, Raise(own));

        Assert.True(answer.Status == HttpStatusCode.Created, $"{answer.Status}: {answer.Json}");
        var id = answer.Json!["id"]!.GetValue<Guid>();
        var stored = await host.Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Escalations.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(own, stored.AssessmentId);
        var read = await host.GetAsync(host.People.Teacher, $"{Escalations}/{id}");
        Assert.Equal(own, read.Json!["assessmentId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Raise_NoAssessmentId_201WithoutALink()
    {
        var answer = await host.PostAsync(host.People.Teacher, Escalations, Raise(null));

        Assert.True(answer.Status == HttpStatusCode.Created, $"{answer.Status}: {answer.Json}");
    }

    private static void AssertRefused(ApiAnswer answer)
    {
        Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{answer.Status}: {answer.Json}");
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("assessment", answer.Errors["assessmentId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private JsonObject Raise(Guid? assessmentId) => new()
    {
        ["childReference"] = "CH-2211",
        ["childAgeYears"] = 14,
        ["respondentId"] = host.People.SocialWorker,
        ["category"] = "below-threshold",
        ["levelOfNeed"] = 3,
        ["decisionChallenged"] = "Referral closed with no further action",
        ["decisionDate"] = "2026-12-17",
        ["concern"] = "She is 14 and her partner is much older.",
        ["desiredOutcome"] = "A strategy discussion",
        ["track"] = "standard",
        ["childAtImmediateRisk"] = false,
        ["immediateReferralMade"] = false,
        ["assessmentId"] = assessmentId,
    };

    private Task<int> EscalationCountAsync() =>
        host.Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Escalations.CountAsync());
}
