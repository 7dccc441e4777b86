using System.Net;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Escalations;

/// <summary>
/// Script and template payloads in free text are legitimate input (a child's reference is whatever the agency uses): they
/// are stored verbatim, come back as inert JSON text, are escaped in the outcome statement and are never evaluated.
/// </summary>
public sealed class ScriptPayloadTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Script = "<script>alert(1)</script>";
    private const string Template = "{{ 7*7 }}";

    [Fact]
    public async Task Raise_ScriptInChildReference_IsRefusedOrStoredVerbatimAsInertJson()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);

        var raised = await teacher.PostAsync("/api/escalations", Bodies.Raise(people[Who.SocialWorker].Id).With("childReference", Script));

        if (raised.Status == HttpStatusCode.BadRequest)
        {
            EscalationSteps.AssertInvalid(raised, "childReference");
            return;
        }

        Assert.True(raised.Status == HttpStatusCode.Created, raised.Describe());
        var read = await teacher.GetAsync($"/api/escalations/{raised.Json.Id()}");
        Assert.Equal(Script, read.Json["child"]!["reference"]!.GetValue<string>());
        AssertInert(read);
    }

    [Fact]
    public async Task OutcomeStatement_EscapesScriptInEveryFreeTextField()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var raised = await teacher.PostAsync("/api/escalations", Bodies.Raise(people[Who.SocialWorker].Id)
            .With("childReference", Script).With("decisionChallenged", Script));
        Assert.True(raised.Status == HttpStatusCode.Created, "This test needs the script to be accepted: " + raised.Describe());
        var id = raised.Json.Id();
        var resolve = await teacher.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve()
            .With("statement", Script).With("learning", Script).With("goodPractice", Script)
            .With("actions", new System.Text.Json.Nodes.JsonArray(Script)));
        Assert.True(resolve.Status == HttpStatusCode.OK, resolve.Describe());

        var statement = await teacher.GetAsync($"/api/escalations/{id}/outcome-statement");

        Assert.Equal(HttpStatusCode.OK, statement.Status);
        Assert.DoesNotContain("<script", statement.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", statement.Body, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", statement.Header("Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raise_TemplateSyntax_StaysLiteralInJsonAndStatement()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var raised = await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id)
            .With("childReference", Template).With("concern", Template).With("decisionChallenged", Template));
        var id = raised.Id();
        await teacher.ResolveAsync(id);

        var read = await teacher.GetAsync($"/api/escalations/{id}");
        var statement = await teacher.GetAsync($"/api/escalations/{id}/outcome-statement");

        Assert.Equal(Template, read.Json["child"]!["reference"]!.GetValue<string>());
        Assert.Equal(Template, read.Json["concern"]!.GetValue<string>());
        Assert.Contains(Template, statement.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(">49<", statement.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Respond_ScriptInNote_IsStoredVerbatim()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var response = await teacher.PostAsync($"/api/escalations/{id}/responses", Bodies.Note(Script + " " + Template));

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        Assert.Equal(Script + " " + Template, response.Json["history"]!.AsArray()[^1]!["note"]!.GetValue<string>());
        AssertInert(response);
    }

    // The JSON writer leaves '<' unescaped, so what keeps the text inert is that a browser will only ever treat it as JSON.
    private static void AssertInert(ApiResponse response)
    {
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Contains("script-src 'self'", response.Header("Content-Security-Policy"), StringComparison.Ordinal);
    }
}
