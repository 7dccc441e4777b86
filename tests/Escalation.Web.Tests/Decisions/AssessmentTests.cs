using System.Net;
using System.Text.Json.Nodes;
using Escalation.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Web.Tests.Decisions;

/// <summary>Recording an assessment: stored and read back with its guide version, or refused with the field at fault.</summary>
public sealed class AssessmentTests(DecisionHost host) : IClassFixture<DecisionHost>
{
    private const string Assessments = DecisionHost.Path + "/assessments";

    [Fact]
    public async Task Record_NoConcernAt14_201WithLocationAndReadsBackWithTheDefinitionVersion()
    {
        var created = await host.PostAsync(host.People.Teacher, Assessments, Bodies.NoConcern14());

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Json!["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/decisions/sexual-activity/assessments/{id}", created.Response.Headers.Location?.ToString());

        var read = await host.GetAsync(host.People.Teacher, created.Response.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.OK, read.Status);
        var json = read.Json!;
        Assert.Equal("sexual-activity", json["definition"]!["id"]!.GetValue<string>());
        Assert.Equal(2, json["definition"]!["version"]!.GetValue<int>());
        Assert.Equal("CH-2211", json["childReference"]!.GetValue<string>());
        Assert.Equal(15, json["answers"]!["partnerAgeYears"]!.GetValue<int>());
        Assert.Equal("every-13-15", json["rule"]!.GetValue<string>());
        Assert.Equal(["every-13-15"], json["rules"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["consult-dsl", "continue-support"], json["requiredActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["consult-dsl", "continue-support"], json["decision"]!["actionsTaken"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("Dee Lead, designated safeguarding lead", json["decision"]!["consulted"]!.GetValue<string>());
        Assert.Equal("2027-01-04", json["decision"]!["reviewDate"]!.GetValue<string>());
        Assert.False(json["referred"]!.GetValue<bool>());
        Assert.Equal("Tess Teacher", json["assessedBy"]!["name"]!.GetValue<string>());
        Assert.Equal(DecisionHost.Start, json["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("pending", json["review"]!["state"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero), json["review"]!["dueAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Record_Referral_StoredWithoutAReviewReminder()
    {
        var body = Bodies.Answers(14, partner: 20);
        body["childReference"] = "CH-3003";
        body["decision"] = Bodies.Decision(null, "refer-csc", "notify-police", "consult-dsl", "discuss-other-agencies", "cse-screening",
            "continue-support");

        var created = await host.PostAsync(host.People.SchoolSenior, Assessments, body);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.True(created.Json!["referred"]!.GetValue<bool>());
        Assert.Null(created.Json["review"]);
        Assert.Equal(["adult-partner", "age-gap", "every-13-15"], created.Json["rules"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Record_Under13OverrideWithoutApprover_422NamingTheApproverAndNothingStored()
    {
        var before = await host.AssessmentCountAsync();
        var decision = Bodies.Decision("2027-01-11", "consult-dsl", "cse-screening");
        decision["rationale"] = "Exceptional: agreed at the strategy meeting.";

        var answer = await host.PostAsync(host.People.Teacher, Assessments, Bodies.Under13(decision));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("senior manager", answer.Errors["decision.approverId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Nothing has been stored", answer.Json!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await host.AssessmentCountAsync());
    }

    [Fact]
    public async Task Record_Under13OverrideApprovedByAManager_422()
    {
        var decision = Bodies.Decision("2027-01-11", "consult-dsl", "cse-screening");
        decision["rationale"] = "Exceptional.";
        decision["approverId"] = host.People.TeacherManager;

        var answer = await host.PostAsync(host.People.Teacher, Assessments, Bodies.Under13(decision));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("Senior role", answer.Errors["decision.approverId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_Under13OverrideApprovedByASenior_201AndTheApproverIsNamed()
    {
        var decision = Bodies.Decision("2027-01-11", "consult-dsl", "cse-screening");
        decision["rationale"] = "Exceptional: agreed at the strategy meeting.";
        decision["approverId"] = host.People.SchoolSenior;

        var answer = await host.PostAsync(host.People.Teacher, Assessments, Bodies.Under13(decision));

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("Sam Senior", answer.Json!["approver"]!["name"]!.GetValue<string>());
        Assert.Equal("under-13", answer.Json["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task Record_RequiredActionLeftOutWithoutRationale_422NamingTheRationale()
    {
        var body = Bodies.NoConcern14();
        body["decision"] = Bodies.Decision("2027-02-01", "continue-support");

        var answer = await host.PostAsync(host.People.Teacher, Assessments, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("Discuss with your designated safeguarding lead", answer.Errors["decision.rationale"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_NoReferralAndNoReviewDate_422NamingTheReviewDate()
    {
        var body = WithDecision(Bodies.NoConcern14(), Bodies.Decision(null, "consult-dsl", "continue-support"));

        var answer = await host.PostAsync(host.People.Teacher, Assessments, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.NotNull(answer.Errors["decision.reviewDate"]);
    }

    [Fact]
    public async Task Record_ReviewDateInThePast_400NamingIt()
    {
        var answer = await host.PostAsync(host.People.Teacher, Assessments, Bodies.NoConcern14(reviewDate: "2026-12-01"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotNull(answer.Errors["decision.reviewDate"]);
    }

    [Fact]
    public async Task Record_NoChildReferenceAndAnUnknownAction_400NamingEach()
    {
        var body = Bodies.NoConcern14();
        body.Remove("childReference");
        var missingReference = await host.PostAsync(host.People.Teacher, Assessments, body);
        var unknownAction = await host.PostAsync(host.People.Teacher, Assessments,
            WithDecision(Bodies.NoConcern14(), Bodies.Decision("2027-01-04", "consult-dsl", "hope-for-the-best")));

        Assert.Equal(HttpStatusCode.BadRequest, missingReference.Status);
        Assert.NotNull(missingReference.Errors["childReference"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknownAction.Status);
        Assert.NotNull(unknownAction.Errors["decision.actionsTaken"]);
    }

    [Fact]
    public async Task Record_ReviewDateThatIsNotADate_400NamingIt()
    {
        var body = Bodies.NoConcern14();
        body["decision"]!["reviewDate"] = "next Tuesday";

        var answer = await host.PostAsync(host.People.Teacher, Assessments, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotNull(answer.Errors["decision.reviewDate"]);
    }

    [Fact]
    public async Task Record_AsTheBoardChair_403()
    {
        var answer = await host.PostAsync(host.People.Chair, Assessments, Bodies.NoConcern14());

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
    }

    [Fact]
    public async Task Record_AnAssessment_IsPermanentInTheDatabase()
    {
        var id = await host.RecordAsync(host.People.Teacher, Bodies.NoConcern14(child: "CH-PERM"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>()
            .Database.ExecuteSqlRawAsync("UPDATE assessments SET rationale = 'changed' WHERE child_reference = 'CH-PERM'")));

        Assert.Contains("permanent", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(host.People.Teacher, $"{Assessments}/{id}")).Status);
    }

    private static JsonObject WithDecision(JsonObject body, JsonObject decision)
    {
        body["decision"] = decision;
        return body;
    }
}
