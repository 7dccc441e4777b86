using System.Net;

namespace Escalation.Web.Tests.Decisions;

/// <summary>
/// The decision pages, signed in with the cookie: who may use them, the API's own reasons shown beside the fields,
/// and an escalation started from an assessment only by someone who may read it.
/// </summary>
public sealed class DecisionPageTests(DecisionHost host) : IClassFixture<DecisionHost>
{
    private const string Start = "/decisions/sexual-activity";

    [Fact]
    public async Task Start_Practitioner_SeesTheImmediateRiskGuidance()
    {
        using var browser = await SignInAsync(host.People.Teacher);

        var page = await browser.GetStringAsync(new Uri(Start, UriKind.Relative));

        Assert.Contains("If a child is at immediate risk of harm, contact Children's Social Care or the police now", page, StringComparison.Ordinal);
        Assert.Contains("Children and young people who are sexually active", page, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:01632960001\">01632 960001</a>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:999\">999</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_BoardChair_AreRefused()
    {
        using var browser = await SignInAsync(host.People.Chair);

        using var response = await browser.GetAsync(new Uri(Start + "/child", UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found, $"{(int)response.StatusCode}");
        Assert.DoesNotContain("Child&#x27;s reference", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_Under13LeftOutWithoutApprover_ShowsTheApiReasonBesideTheApproverAndStoresNothing()
    {
        using var browser = await SignInAsync(host.People.Teacher);
        var before = await host.AssessmentCountAsync();
        await PostAsync(browser, Start, []);
        await PostAsync(browser, Start + "/child", new() { ["ChildReference"] = "CH-PAGE-12", ["ChildAge"] = "12" });
        await PostAsync(browser, Start + "/partner", []);
        await PostAsync(browser, Start + "/risk-factors", []);
        await PostAsync(browser, Start + "/warning-signs", []);
        await PostAsync(browser, Start + "/contraception", new() { ["Answer"] = "no" });

        using var response = await PostAsync(browser, Start + "/record", new()
        {
            ["ActionsTaken"] = "consult-dsl",
            ["Rationale"] = "Agreed at the strategy meeting.",
            ["Consulted"] = "Dee Lead",
            ["ConsultedAt.Day"] = "18", ["ConsultedAt.Month"] = "12", ["ConsultedAt.Year"] = "2026",
            ["ConsultedTime"] = "09:30",
            ["ReviewDate.Day"] = "11", ["ReviewDate.Month"] = "1", ["ReviewDate.Year"] = "2027",
        });

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", page, StringComparison.Ordinal);
        Assert.Contains("id=\"ApproverId-error\"", page, StringComparison.Ordinal);
        Assert.Contains("needs a named senior manager to approve leaving out a required action", page, StringComparison.Ordinal);
        Assert.Equal(before, await host.AssessmentCountAsync());
    }

    [Fact]
    public async Task Child_AgeNotANumber_ErrorSummaryLinksToTheField()
    {
        using var browser = await SignInAsync(host.People.Teacher);
        await PostAsync(browser, Start, []);

        using var response = await PostAsync(browser, Start + "/child", new() { ["ChildReference"] = "CH-1", ["ChildAge"] = "fourteen" });

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#ChildAge\">Enter the child&#x27;s age as a whole number of years, like 14</a>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"ChildAge-error\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fraser_14AskingForContraception_OneLeftUnanswered_NamedWithTheApiWords()
    {
        using var browser = await SignInAsync(host.People.Teacher);
        await PostAsync(browser, Start, []);
        await PostAsync(browser, Start + "/child", new() { ["ChildReference"] = "CH-FRASER", ["ChildAge"] = "14" });
        await PostAsync(browser, Start + "/partner", new() { ["PartnerAge"] = "15" });
        await PostAsync(browser, Start + "/risk-factors", []);
        await PostAsync(browser, Start + "/warning-signs", []);
        using var asked = await PostAsync(browser, Start + "/contraception", new() { ["Answer"] = "yes" });
        Assert.Equal(Start + "/fraser", asked.Headers.Location?.ToString());

        using var response = await PostAsync(browser, Start + "/fraser", new()
        {
            ["Answers[0]"] = "yes", ["Answers[1]"] = "yes", ["Answers[2]"] = "yes", ["Answers[3]"] = "yes",
        });

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Answers-4\">Answer yes or no: Is it in their best interests to have advice or treatment without a parent&#x27;s consent?</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_14AllFraserCriteriaMet_ShowsTheMetNoteAndTheActions()
    {
        using var browser = await SignInAsync(host.People.Teacher);
        await PostAsync(browser, Start, []);
        await PostAsync(browser, Start + "/child", new() { ["ChildReference"] = "CH-FRASER-MET", ["ChildAge"] = "14" });
        await PostAsync(browser, Start + "/partner", new() { ["PartnerAge"] = "15" });
        await PostAsync(browser, Start + "/risk-factors", []);
        await PostAsync(browser, Start + "/warning-signs", []);
        await PostAsync(browser, Start + "/contraception", new() { ["Answer"] = "yes" });
        using var answered = await PostAsync(browser, Start + "/fraser", new()
        {
            ["Answers[0]"] = "yes", ["Answers[1]"] = "yes", ["Answers[2]"] = "yes", ["Answers[3]"] = "yes", ["Answers[4]"] = "yes",
        });
        Assert.Equal(Start + "/result", answered.Headers.Location?.ToString());

        var page = await browser.GetStringAsync(new Uri(Start + "/result", UriKind.Relative));

        Assert.Contains("All five Fraser criteria are met", page, StringComparison.Ordinal);
        Assert.Contains("At minimum, take advice from your organisation&#x27;s named safeguarding professional.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assessment_AnotherPractitioners_NotFound()
    {
        var peers = await host.RecordAsync(host.Peer, Bodies.NoConcern14(child: "CH-PEER-PAGE"));
        using var browser = await SignInAsync(host.People.Teacher);

        using var response = await browser.GetAsync(new Uri($"{Start}/assessments/{peers}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("CH-PEER-PAGE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartEscalation_FromAnotherPractitionersAssessment_NotFound()
    {
        var peers = await host.RecordAsync(host.Peer, Bodies.NoConcern14(child: "CH-PEER-ESC"));
        using var browser = await SignInAsync(host.People.Teacher);

        using var response = await PostAsync(browser, $"{Start}/assessments/{peers}?handler=Escalate", [], tokenFrom: Start);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StartEscalation_FromOwnAssessment_TheRaiseJourneyIsFilledInAndShowsTheLink()
    {
        var own = await host.RecordAsync(host.People.Teacher, Bodies.NoConcern14(child: "CH-OWN-PAGE"));
        using var browser = await SignInAsync(host.People.Teacher);

        using var started = await PostAsync(browser, $"{Start}/assessments/{own}?handler=Escalate", []);
        Assert.Equal("/escalations/raise", started.Headers.Location?.ToString());
        await PostAsync(browser, "/escalations/raise", new() { ["Answer"] = "no" });

        var child = await browser.GetStringAsync(new Uri("/escalations/raise/child", UriKind.Relative));
        var category = await browser.GetStringAsync(new Uri("/escalations/raise/category", UriKind.Relative));
        Assert.Contains("value=\"CH-OWN-PAGE\"", child, StringComparison.Ordinal);
        Assert.Matches("value=\"below-threshold\" checked", category);
    }

    [Fact]
    public async Task EscalationPage_FromAnAssessment_RaiserGetsTheLink_OtherAgencyIsToldItExistsWithoutALink()
    {
        var own = await host.RecordAsync(host.People.Teacher, Bodies.NoConcern14(child: "CH-LINKED-PAGE"));
        var raised = await host.PostAsync(host.People.Teacher, "/api/escalations", new System.Text.Json.Nodes.JsonObject
        {
            ["childReference"] = "CH-LINKED-PAGE", ["childAgeYears"] = 14, ["respondentId"] = host.People.SocialWorker,
            ["category"] = "below-threshold", ["levelOfNeed"] = 3, ["decisionChallenged"] = "Closed with no further action",
            ["decisionDate"] = "2026-12-17", ["concern"] = "Her partner is 19.", ["desiredOutcome"] = "A strategy discussion",
            ["track"] = "standard", ["childAtImmediateRisk"] = false, ["immediateReferralMade"] = false, ["assessmentId"] = own,
        });
        Assert.True(raised.Status == HttpStatusCode.Created, $"{raised.Status}: {raised.Json}");
        var id = raised.Json!["id"]!.GetValue<Guid>();
        using var raiser = await SignInAsync(host.People.Teacher);
        using var respondent = await SignInAsync(host.People.SocialWorker);

        var raiserPage = await raiser.GetStringAsync(new Uri($"/escalations/{id}", UriKind.Relative));
        var respondentPage = await respondent.GetStringAsync(new Uri($"/escalations/{id}", UriKind.Relative));

        Assert.Contains($"href=\"{Start}/assessments/{own}\"", raiserPage, StringComparison.Ordinal);
        Assert.Contains("Decision assessment</h2>", respondentPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"/assessments/{own}", respondentPage, StringComparison.Ordinal);
    }

    private Task<HttpClient> SignInAsync(Guid who) => host.SignInAsync(who);

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, Dictionary<string, string> fields, string? tokenFrom = null) =>
        DecisionHost.PostFormAsync(browser, path, fields, tokenFrom);
}
