using System.Net;
using System.Text.Json.Nodes;

namespace Escalation.Web.Tests.Decisions;

/// <summary>Previewing a result and reading the guide: nothing is stored.</summary>
public sealed class EvaluateAndDefinitionTests(DecisionHost host) : IClassFixture<DecisionHost>
{
    private const string Evaluate = DecisionHost.Path + "/evaluate";

    [Fact]
    public async Task Evaluate_14WithA22YearOldPartner_EveryMatchingRuleAndNothingStored()
    {
        var body = Bodies.Answers(14, partner: 22);
        body["factors"] = new JsonArray("age-imbalance");
        body["warningSigns"] = new JsonArray("missing-from-home");

        var answer = await host.PostAsync(host.People.Teacher, Evaluate, body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("13-15", answer.Json!["ageBand"]!.GetValue<string>());
        Assert.Equal("adult-partner", answer.Json["rule"]!.GetValue<string>());
        Assert.Equal(["adult-partner", "age-gap", "concern-13-15", "every-13-15"],
            answer.Json["rules"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["refer-csc", "notify-police", "consult-dsl", "discuss-other-agencies", "cse-screening", "continue-support"],
            answer.Json["requiredActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Null(answer.Json["fraserMet"]);
        Assert.Contains("adult", answer.Json["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Refer to Children's Social Care", answer.Json["actions"]![0]!["label"]!.GetValue<string>());
        Assert.Equal(0, await host.AssessmentCountAsync());
    }

    [Fact]
    public async Task Evaluate_ContraceptionWithAllFraserCriteriaMet_FraserMetTrue()
    {
        var body = Bodies.Answers(15);
        body["contraceptionRequested"] = true;
        body["fraser"] = new JsonObject
        {
            ["understandsAdvice"] = true, ["cannotBePersuadedToTellParents"] = true, ["likelyToContinueSex"] = true,
            ["healthWouldSuffer"] = true, ["bestInterests"] = true,
        };

        var answer = await host.PostAsync(host.People.SocialWorker, Evaluate, body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Json!["fraserMet"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Evaluate_UnknownFactorAndWarningSign_400NamingEachField()
    {
        var body = Bodies.Answers(14);
        body["factors"] = new JsonArray("bad-vibes");
        body["warningSigns"] = new JsonArray("age-imbalance");

        var answer = await host.PostAsync(host.People.Teacher, Evaluate, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'bad-vibes' is not a risk factor", answer.Errors["factors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("send it in factors", answer.Errors["warningSigns"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(18)]
    [InlineData(30)]
    public async Task Evaluate_18OrOver_400OutOfScopeNamingChildAgeYears(int age)
    {
        var answer = await host.PostAsync(host.People.Teacher, Evaluate, Bodies.Answers(age));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("covers children under 18", answer.Errors["childAgeYears"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(500)]
    public async Task Evaluate_ImpossibleAge_400NamingChildAgeYears(int age)
    {
        var answer = await host.PostAsync(host.People.Teacher, Evaluate, Bodies.Answers(age));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotNull(answer.Errors["childAgeYears"]);
    }

    [Fact]
    public async Task Evaluate_AgeThatIsNotANumber_400NamingChildAgeYears()
    {
        var answer = await host.PostTextAsync(host.People.Teacher, Evaluate, """{ "childAgeYears": "fourteen" }""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotNull(answer.Errors["childAgeYears"]);
    }

    [Fact]
    public async Task Evaluate_FraserCriterionUnanswered_400NamingIt()
    {
        var body = Bodies.Answers(14);
        body["contraceptionRequested"] = true;
        body["fraser"] = new JsonObject { ["understandsAdvice"] = true };

        var answer = await host.PostAsync(host.People.Teacher, Evaluate, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotNull(answer.Errors["fraser.bestInterests"]);
    }

    [Fact]
    public async Task Definition_ListsEveryKeyWithItsLabel_FromTheFile()
    {
        var answer = await host.GetAsync(host.People.Chair, DecisionHost.Path + "/definition");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var json = answer.Json!;
        Assert.Equal("sexual-activity", json["id"]!.GetValue<string>());
        Assert.Equal(2, json["version"]!.GetValue<int>());
        Assert.Equal(["under-13", "13-15", "16-17"], json["ageBands"]!.AsArray().Select(b => b!["key"]!.GetValue<string>()));
        Assert.Contains(json["factors"]!.AsArray(), f => f!["key"]!.GetValue<string>() == "age-imbalance" && f["label"]!.GetValue<string>() == "An imbalance of age");
        Assert.Contains(json["warningSigns"]!.AsArray(), w => w!["key"]!.GetValue<string>() == "missing-from-home" && w["group"]!.GetValue<string>() == "warning-sign");
        Assert.Equal(5, json["fraser"]!["criteria"]!.AsArray().Count);
        Assert.Equal(7, json["actions"]!.AsArray().Count);
        Assert.Equal(3, json["partnerFlags"]!.AsArray().Count);
    }

    [Fact]
    public async Task Definition_WithoutSigningIn_401()
    {
        using var client = host.Host.CreateClient();

        var response = await client.GetAsync(DecisionHost.Path + "/definition");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
