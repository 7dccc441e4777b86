using System.Net;
using System.Text.Json.Nodes;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Escalations;

/// <summary>
/// The bad-input battery against <c>POST /api/escalations</c>: every case answers 400 as a problem naming the field,
/// never 500, and stores nothing. The host's clock is 18 December 2026.
/// </summary>
public sealed class RaiseBadInputTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static string Valid(ApiPartnership p) => Bodies.Raise(p[Who.SocialWorker].Id).ToJsonString();

    private static BadBody Change(string field, JsonNode? value, string? expected = null) =>
        new(p => Bodies.Raise(p[Who.SocialWorker].Id).With(field, value).ToJsonString(), expected ?? field);

    private static BadBody Drop(string field) => new(p => Bodies.Raise(p[Who.SocialWorker].Id).Without(field).ToJsonString(), field);

    private static BadBody Raw(string body, string field, string contentType = "application/json") => new(_ => body, field, contentType);

    private static readonly Dictionary<string, BadBody> Cases = new()
    {
        // Malformed JSON, and JSON that is not an object.
        ["malformed: not JSON"] = Raw("childReference=CH-1", "body"),
        ["malformed: single quotes"] = Raw("{'childReference': 'CH-1'}", "body"),
        ["malformed: trailing comma"] = new(p => Valid(p)[..^1] + ",}", "body"),
        ["malformed: truncated"] = new(p => Valid(p)[..40], "body"),
        ["malformed: truncated mid-object"] = new(p => Valid(p)[..^20], null),
        ["malformed: empty body"] = Raw("", "body"),
        ["malformed: JSON null"] = Raw("null", "body"),
        ["malformed: JSON array"] = new(p => "[" + Valid(p) + "]", "body"),
        ["malformed: JSON string"] = Raw("\"an escalation\"", "body"),
        ["malformed: JSON number"] = Raw("42", "body"),
        ["malformed: nested 100 deep"] = new(p => Valid(p)[..^1] + ",\"x\":" + new string('[', 100) + new string(']', 100) + "}", null),
        // Wrong types.
        ["type: childAgeYears as words"] = Change("childAgeYears", "fourteen"),
        ["type: childAgeYears as fraction"] = Change("childAgeYears", 14.5),
        ["type: childAgeYears as boolean"] = Change("childAgeYears", true),
        ["type: category as number"] = Change("category", 5),
        ["type: category as array"] = Change("category", new JsonArray("below-threshold")),
        ["type: concern as object"] = Change("concern", new JsonObject { ["text"] = "x" }),
        ["type: respondentId not a guid"] = Change("respondentId", "bob"),
        ["type: respondentId as number"] = Change("respondentId", 7),
        ["type: levelOfNeed as words"] = Change("levelOfNeed", "high"),
        ["type: startAtStage as words"] = Change("startAtStage", "two"),
        ["type: childAtImmediateRisk as string"] = Change("childAtImmediateRisk", "no"),
        ["type: immediateReferralMade as number"] = Change("immediateReferralMade", 0),
        ["type: decisionDate as number"] = Change("decisionDate", 20261217),
        // Missing fields, each required one; null and blank too.
        ["missing: childReference"] = Drop("childReference"),
        ["missing: respondentId"] = Drop("respondentId"),
        ["missing: category"] = Drop("category"),
        ["missing: levelOfNeed"] = Drop("levelOfNeed"),
        ["missing: decisionChallenged"] = Drop("decisionChallenged"),
        ["missing: decisionDate"] = Drop("decisionDate"),
        ["missing: concern"] = Drop("concern"),
        ["missing: desiredOutcome"] = Drop("desiredOutcome"),
        ["missing: everything"] = Raw("{}", "childReference"),
        ["null: childReference"] = Change("childReference", null),
        ["null: respondentId"] = Change("respondentId", null),
        ["blank: childReference"] = Change("childReference", "   "),
        ["blank: concern"] = Change("concern", "\t\n"),
        ["empty guid: respondentId"] = Change("respondentId", Guid.Empty.ToString()),
        ["unknown person: respondentId"] = Change("respondentId", Guid.NewGuid().ToString()),
        ["self: respondentId"] = new(p => Bodies.Raise(p[Who.Teacher].Id).ToJsonString(), "respondentId"),
        // 1 MB strings.
        ["1 MB: concern"] = Change("concern", Bodies.Megabyte),
        ["1 MB: childReference"] = Change("childReference", Bodies.Megabyte),
        ["1 MB: decisionChallenged"] = Change("decisionChallenged", Bodies.Megabyte),
        ["1 MB: desiredOutcome"] = Change("desiredOutcome", Bodies.Megabyte),
        ["1 MB: startAtStageReason"] = new(p => Bodies.Raise(p[Who.SocialWorker].Id).With("startAtStage", 2)
            .With("startAtStageReason", Bodies.Megabyte).ToJsonString(), "startAtStageReason"),
        ["1 MB: category"] = Change("category", Bodies.Megabyte),
        ["101 characters: childReference"] = Change("childReference", new string('C', 101)),
        // Unknown enum values.
        ["enum: track fast"] = Change("track", "fast"),
        ["enum: track Urgent in capitals"] = Change("track", "Urgent"),
        ["enum: category nope"] = Change("category", "nope"),
        ["enum: category as label"] = Change("category", "Referral judged below threshold, or closed with no further action"),
        ["enum: levelOfNeed 0"] = Change("levelOfNeed", 0),
        ["enum: levelOfNeed 5"] = Change("levelOfNeed", 5),
        ["enum: startAtStage 0"] = Change("startAtStage", 0),
        ["enum: startAtStage 5"] = Change("startAtStage", 5),
        ["enum: startAtStage 2 with no reason"] = Change("startAtStage", 2, "startAtStageReason"),
        // Negative or absurd ages.
        ["age: -1"] = Change("childAgeYears", -1),
        ["age: 18"] = Change("childAgeYears", 18),
        ["age: 300"] = Change("childAgeYears", 300),
        ["age: 2147483648"] = Change("childAgeYears", 2147483648L),
        ["age: -2147483649"] = Change("childAgeYears", -2147483649L),
        ["age: 1e400"] = new(p => Valid(p).Replace("\"childAgeYears\":14", "\"childAgeYears\":1e400", StringComparison.Ordinal), "childAgeYears"),
        // Absurd dates.
        ["date: 30 February"] = Change("decisionDate", "2026-02-30"),
        ["date: month 13"] = Change("decisionDate", "2026-13-01"),
        ["date: tomorrow"] = Change("decisionDate", "2026-12-19"),
        ["date: year 9999"] = Change("decisionDate", "9999-12-31"),
        ["date: the word yesterday"] = Change("decisionDate", "yesterday"),
        ["date: British format"] = Change("decisionDate", "17/12/2026"),
        ["date: empty"] = Change("decisionDate", ""),
        // Script payloads where no free text is allowed.
        ["script: category"] = Change("category", "<script>alert(1)</script>"),
        ["script: track"] = Change("track", "<script>alert(1)</script>"),
        ["script: respondentId"] = Change("respondentId", "<script>alert(1)</script>"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Raise_BadInput_Answers400ProblemNamingTheFieldAndStoresNothing(string name)
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var (body, field, contentType) = Cases[name];
        var before = await host.CountsAsync();

        var response = await teacher.PostRawAsync("/api/escalations", body(people), contentType);

        EscalationSteps.AssertInvalid(response, field);
        Assert.Equal(before, await host.CountsAsync());
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1900-01-01")]
    public async Task Raise_DecisionDateCenturiesAgo_Answers400NamingDecisionDate(string date)
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var before = await host.CountsAsync();

        var response = await teacher.PostAsync("/api/escalations", Bodies.Raise(people[Who.SocialWorker].Id).With("decisionDate", date));

        EscalationSteps.AssertInvalid(response, "decisionDate");
        Assert.Equal(before, await host.CountsAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task Raise_NotJsonContentType_Answers415ProblemAndStoresNothing(string contentType)
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var before = await host.CountsAsync();

        var response = await teacher.PostRawAsync("/api/escalations", Valid(people), contentType);

        // The endpoint accepts only JSON, so routing answers 415 Unsupported Media Type, as HTTP says, before the body is read.
        EscalationSteps.AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await host.CountsAsync());
    }

    [Fact]
    public async Task Raise_NoBodyAtAll_Answers400NamingBodyAndStoresNothing()
    {
        using var teacher = await host.SignInAsync(Who.Teacher);
        var before = await host.CountsAsync();

        var response = await teacher.PostRawAsync("/api/escalations", content: null);

        EscalationSteps.AssertInvalid(response, "body");
        Assert.Equal(before, await host.CountsAsync());
    }

    [Fact]
    public async Task Raise_ValidBody_IsAcceptedByThisHost()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.PostRawAsync("/api/escalations", Valid(people));

        Assert.True(response.Status == HttpStatusCode.Created, response.Describe());
    }

    public sealed record BadBody(Func<ApiPartnership, string> Body, string? Field, string ContentType = "application/json");
}
